import io

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Rec(io.BufferedIOBase):
    def __init__(self, data=b""):
        self.data = data
        self.log = []
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return False
    def write(self, b):
        self.log.append(("write", bytes(b)))
        return len(b)
    def flush(self):
        self.log.append(("flush",))
    def read1(self, n=-1):
        self.log.append(("read1", n))
        out, self.data = self.data[:3], self.data[3:]
        return out
    def read(self, n=-1):
        self.log.append(("read", n))
        out, self.data = self.data, b""
        return out
    def close(self):
        self.log.append(("close",))
        super().close()

r = Rec()
t = io.TextIOWrapper(r, encoding="utf-8", line_buffering=True)
t.write("ab")
print(r.log)
t.write("c\nd")
print(r.log)
t.flush()
print(r.log)
t.close()
print(r.log, t.closed, r.closed)
show(lambda: t.write("x"))

r = Rec(b"hello\nw\xc3\xa9rld\nend")
t = io.TextIOWrapper(r, encoding="utf-8")
print(repr(t.readline()), repr(t.read(3)), repr(t.readline()), repr(t.read()))
print(r.log)
show(lambda: t.tell())
show(lambda: t.seek(0))

r = Rec()
t = io.TextIOWrapper(r, encoding="ascii", errors="replace", newline="\r\n")
t.write("é\n")
t.flush()
print(r.log)
show(lambda: io.TextIOWrapper(Rec(), encoding="ascii").write("é"))
t = io.TextIOWrapper(Rec(b"a\xffb"), encoding="utf-8", errors="replace")
print(repr(t.read()))
t = io.TextIOWrapper(Rec(b"a\xffb"), encoding="utf-8")
show(t.read)
t = io.TextIOWrapper(Rec(b"x"), encoding="utf-8")
t.reconfigure(encoding="latin-1")
print(t.encoding, t.errors)
show(lambda: t.reconfigure(newline="q"))
show(lambda: t.reconfigure(encoding=1))

class Bad(io.BufferedIOBase):
    def readable(self):
        return True
    def read1(self, n):
        return "text"
show(lambda: io.TextIOWrapper(Bad()).read())

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines, d.getstate())
d.reset()
print(d.newlines, d.getstate())
d.setstate((b"", 1))
print(repr(d.decode("x")))
show(lambda: io.IncrementalNewlineDecoder(None, False).decode(b"x"))
show(lambda: io.IncrementalNewlineDecoder())
