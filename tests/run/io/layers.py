import io
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
d = "/tmp"
p = "/tmp/pyrite-io-layers.txt"
t = io.TextIOWrapper(io.BytesIO(b"ab\ncd\r\nef"))
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through, t.readable(), t.writable(), t.seekable())
print(t.readline(), repr(t.readline()), t.read(), t.tell())
show(lambda: t.mode)
show(lambda: t.name)
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="latin-1", newline="\r\n")
print(t.write("é\nx"), b.getvalue())
t.flush()
print(b.getvalue())
t.write("more")
print(t.detach() is b, b.getvalue())
show(lambda: t.write("x"))
for args in [(1,), (io.BytesIO(), "x"), (io.BytesIO(), None, 1), (io.BytesIO(), None, None, "z"), (io.BytesIO(), 5)]:
    show(lambda: io.TextIOWrapper(*args))
with open(p, "wb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.mode, f.raw.mode, f.name == p)
    f.write(b"hello\nworld\n")
with open(p, "rb") as f:
    print(repr(f) == "<_io.BufferedReader name=%r>" % p, f.peek(3)[:3], f.read1(3), f.read(), f.readinto(bytearray(3)))
with open(p, "rb", buffering=0) as f:
    print(repr(f).replace(p, "P"), f.read(2), f.readall(), f.closefd)
    ba = bytearray(4); f.seek(0); print(f.readinto(ba), ba)
print(repr(f))
f = io.FileIO(p, "r+")
print(f.mode, repr(f).replace(p, "P"), f.readable(), f.writable(), f.seekable())
br = io.BufferedRandom(f)
print(repr(br).replace(p, "P"), br.read(5), br.seek(0), br.write(b"HE"), br.tell())
br.flush(); br.seek(0); print(br.read())
print(br.truncate(4), br.tell())
br.close(); print(f.closed, br.closed)
for m in ["rt", "rr", "", "r+w", "b", "w++"]:
    show(lambda: io.FileIO(p, m))
show(lambda: io.FileIO(1.5))
show(lambda: io.FileIO("/tmp/pyrite-io-nope/x"))
with open(p, "w+b") as f:
    print(f.mode, f.raw.mode, repr(f.raw).replace(p, "P"))
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data; self.out = b""
    def readable(self): return True
    def writable(self): return True
    def readinto(self, b):
        n = min(len(b), len(self.data)); b[:n] = self.data[:n]; self.data = self.data[n:]; return n
    def write(self, b):
        self.out += bytes(b); return len(b)
r = Raw(b"line1\nline2\n")
br = io.BufferedReader(r)
print(repr(br), br.readline(), br.read(), br.raw is r)
bw = io.BufferedWriter(r)
print(bw.write(b"abc"), r.out); bw.flush(); print(r.out)
tw = io.TextIOWrapper(io.BufferedReader(Raw("x\ny\n".encode())), encoding="utf-8")
print(list(tw))
pair = io.BufferedRWPair(Raw(b"in"), r)
print(pair.read(), pair.write(b"Z")); pair.flush(); print(r.out)
show(lambda: io.BufferedReader(io.BytesIO(), 0))
show(lambda: io.BufferedWriter(io.FileIO(p)))
show(lambda: io.BufferedReader(1))
print(io.open_code(p).read())
show(lambda: io.open_code(1))
t = io.TextIOWrapper(io.open_code(p), encoding="utf-8")
print(t.readline(), t.name == p)
t.close()
