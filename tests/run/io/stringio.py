import io

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = io.StringIO("héllo\nwörld\nlast")
print(s.read(3), s.tell(), repr(s.readline()), s.readline(3), s.readlines(), s.read(), s.tell())
s.seek(0)
print(list(s), s.seek(0, 2), s.seek(0, 1), s.seek(2))
show(lambda: s.seek(1, 1))
show(lambda: s.seek(-1))
show(lambda: s.seek(0, 5))
show(lambda: s.seek("a"))
show(lambda: s.truncate(-1))
show(lambda: s.truncate("x"))
show(lambda: s.write(1))
show(lambda: s.read("x"))
print(s.write("XYZ"), repr(s.getvalue()), s.tell())
s.seek(20)
print(s.write("!"), repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.newlines, s.encoding, s.errors, s.isatty())
show(lambda: io.StringIO(newline=1))
show(lambda: io.StringIO(1))
show(lambda: io.StringIO(newline="x"))
show(lambda: io.StringIO("a", "\n", 3))
for nl in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO("a\rb\r\nc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.newlines, s.readlines())
    s.write("x\ny\r")
    print(repr(s.getvalue()), s.newlines, s.__getstate__())
s = io.StringIO()
s.write("x\r")
print(s.newlines)
s = io.StringIO(newline=None)
s.write("x\r")
s.write("\ny")
print(repr(s.getvalue()), s.newlines)
s = io.StringIO("abc")
s.x = 1
print(s.__getstate__(), s.__dict__)
t = io.StringIO()
t.__setstate__(("a\nb", "", 1, {"z": 2}))
print(repr(t.read()), t.z, t.newlines)
show(lambda: t.__setstate__(("", None, 0)))
show(lambda: t.__setstate__(("", None, -1, None)))
show(lambda: t.__setstate__(("", None, "0", None)))
show(lambda: t.__setstate__(("", None, 0, 1)))
show(lambda: t.__setstate__((1, None, 0, None)))
show(lambda: t.__setstate__(("", "z", 0, None)))
t.close()
t.close()
print(t.closed)
for f in (t.read, t.getvalue, t.tell, t.readable, lambda: t.line_buffering, lambda: t.newlines, lambda: t.write("a"), lambda: t.write(1), lambda: next(t), t.__getstate__, lambda: t.seek(0)):
    show(f)
with io.StringIO("1\n2\n") as u:
    for line in u:
        print(repr(line))
print(u.closed, isinstance(u, io.TextIOBase), io.StringIO.__mro__)
class Sub(io.StringIO):
    def readline(self, *a):
        return super().readline(*a).upper()
print(list(Sub("ab\ncd")), Sub("q").__getstate__())
class Bad(io.StringIO):
    def readline(self, *a):
        return 1
show(lambda: next(Bad("x")))
print(io.StringIO(initial_value="kw", newline="").getvalue(), io.StringIO(None).getvalue() == "")
s = io.StringIO("\U0001f600x")
print(s.read(1), s.tell(), s.read())
