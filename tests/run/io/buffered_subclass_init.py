# Subclasses of the buffered types are built by __init__ (whose arguments
# may differ, as tarfile's ExFileObject's do); the exact types by __new__.
import io, tarfile, os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "a.tar.gz")
with open(os.path.join(d, "f.txt"), "w") as f:
    f.write("hello tar\n" * 3)
with tarfile.open(p, "w:gz") as t:
    t.add(os.path.join(d, "f.txt"), arcname="f.txt")
with tarfile.open(p) as t:
    print(t.getnames(), t.extractfile("f.txt").read())
    t.extractall(os.path.join(d, "out"))
print(open(os.path.join(d, "out", "f.txt")).read().count("hello"))

class R(io.BufferedReader):
    def __init__(self, data, extra):
        super().__init__(io.BytesIO(data))
        self.extra = extra
r = R(b"abc\ndef", 5)
print(r.read(2), r.readline(), r.extra, r.raw.__class__.__name__, isinstance(r, io.BufferedReader))
class W(io.BufferedWriter):
    pass
b = io.BytesIO()
w = W(b, 4)
w.write(b"xyz"); w.flush(); print(b.getvalue())
class Lazy(io.BufferedReader):
    def __init__(self):
        pass
z = Lazy()
for op in (lambda: z.read(), lambda: z.readable(), lambda: z.closed):
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
try:
    io.BufferedReader(io.BytesIO(b""), 0)
except ValueError as e:
    print(e)
print(io.BufferedRandom(io.BytesIO(b"12345")).read(3))
