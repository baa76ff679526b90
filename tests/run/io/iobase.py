import io, sys, _io

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase))
print(_io.TextIOWrapper.__mro__, _io.FileIO.__mro__, _io.BufferedReader.__mro__)
print(io.DEFAULT_BUFFER_SIZE, io.UnsupportedOperation.__mro__, io.UnsupportedOperation.__module__)
print(issubclass(io.UnsupportedOperation, OSError), io.BlockingIOError is BlockingIOError)
print(io.text_encoding(None), io.text_encoding("latin-1"))

class R(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = R(b"ab\ncd\nef")
print(r.read(2), r.readline(), list(r), r.closed)
r.pos = 0
print(r.readall(), r.read(), r.readlines())
r.pos = 0
print(r.readlines(2), r.readline(1))
r.close()
print(r.closed, r.__dict__)
show(lambda: r.flush())
show(lambda: iter(r))
show(lambda: r.isatty())
r.close()

f = io.IOBase()
for m in ("fileno", "tell", "truncate"):
    show(getattr(f, m))
show(lambda: f.seek(0))
print(f.seekable(), f.readable(), f.writable(), f.isatty(), f.flush())
show(f._checkSeekable)
show(f._checkReadable)
show(f._checkWritable)
show(f._checkClosed)
with f as g:
    print(g is f, f.closed)
print(f.closed)
show(lambda: f.__enter__())
show(lambda: f.writelines([]))

class B(io.BufferedIOBase):
    def read(self, n=-1):
        return b"xyz"[:n]
b = B()
buf = bytearray(5)
print(b.readinto(buf), buf)
show(lambda: b.read1())
show(lambda: b.write(b""))
show(lambda: b.detach())
show(lambda: b.readinto(b"abc"))

class T(io.TextIOBase):
    pass
t = T()
print(t.encoding, t.errors, t.newlines)
show(lambda: t.read())
show(lambda: t.readline())
show(lambda: t.write("x"))
show(lambda: t.detach())

class W(io.RawIOBase):
    def __init__(self):
        self.out = []
    def writable(self):
        return True
    def write(self, b):
        self.out.append(bytes(b))
        return len(b)
w = W()
w.writelines([b"a", b"b"])
print(w.out)
show(lambda: io.RawIOBase().read(2))
show(lambda: io.RawIOBase().write(b""))

class Closing(io.IOBase):
    def close(self):
        print("closing")
        super().close()
c = Closing()
del c
print("end")
