import io, sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class T(io.TextIOWrapper):
    def write(self, s):
        return super().write(s.upper())
b = io.BytesIO()
t = T(b, encoding="utf-8")
print(repr(t), t.write("abc"), isinstance(t, io.TextIOWrapper))
t.flush()
print(b.getvalue())
class B(io.BufferedReader):
    def __init__(self, raw, size=8192):
        super().__init__(raw, size)
        self.extra = 1
br = B(io.BytesIO(b"xyz"))
print(repr(br), br.read(), br.extra)
p = "/tmp/pyrite-io-sub.txt"
class F(io.FileIO):
    pass
f = F(p, "w")
print(repr(f).replace(p, "P"), f.write(b"q"))
f.close()
print(repr(f))
print(open(p).read(), open(p, "rb").read())
w = io.TextIOWrapper(io.BytesIO(), write_through=True)
w.write("x"); print(w.buffer.getvalue())
w.reconfigure(write_through=False); w.write("y"); print(w.buffer.getvalue(), w.write_through)
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"))
print(t.readlines(), t.newlines)
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), newline="")
print(t.readlines(), t.newlines)
s = sys.stdout
print(type(s).__name__, s.newlines, isinstance(s.buffer, io.BufferedIOBase), s.buffer.raw.name if hasattr(s.buffer, 'raw') else s.buffer.name)
