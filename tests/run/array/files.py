# tofile/fromfile with real and in-memory files, and their errors.
import array, io, os, tempfile

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

d = tempfile.mkdtemp()
path = os.path.join(d, 'arr')
a = array.array('h', range(5))
with open(path, 'wb') as f:
    a.tofile(f)
with open(path, 'rb') as f:
    b = array.array('h')
    b.fromfile(f, 3); print(b)
    show(lambda: b.fromfile(f, 5))
    print(b)
    show(lambda: b.fromfile(f, -1))
    show(lambda: b.fromfile(f))
show(lambda: a.tofile(5))
show(lambda: a.fromfile(5, 1))
bio = io.BytesIO()
array.array('d', [1.0]).tofile(bio); print(bio.getvalue())
class BadRead:
    def read(self, n):
        return 'x'
show(lambda: a.fromfile(BadRead(), 1))
os.remove(path)
os.rmdir(d)
