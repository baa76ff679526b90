import io, os, tempfile, json, pathlib, shutil
d = tempfile.mkdtemp()
p = pathlib.Path(d) / "a.txt"
print(p.write_text("héllo\nworld\n"), p.read_text(), p.read_bytes(), p.write_bytes(b"xy"))
with tempfile.TemporaryFile("w+") as f:
    f.write("tmp data\n"); f.seek(0); print(f.read(), type(f).__name__)
with tempfile.NamedTemporaryFile("w+b") as f:
    f.write(b"named"); f.flush(); f.seek(0); print(f.read(), type(f.file).__name__)
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as f:
    f.write("spooled"); f.seek(0); print(f.read()); f.write("x" * 20); f.seek(0); print(len(f.read()))
q = os.path.join(d, "j.json")
with open(q, "w") as f:
    json.dump({"a": [1, 2]}, f)
with open(q) as f:
    print(json.load(f))
src = io.BytesIO(b"copy me" * 1000)
dst = io.BytesIO()
shutil.copyfileobj(src, dst)
print(len(dst.getvalue()))
fd = os.open(q, os.O_RDONLY)
with os.fdopen(fd) as f:
    print(f.read(), f.closed)
r, w = os.pipe()
with os.fdopen(w, "w") as wf:
    wf.write("through a pipe\n")
with os.fdopen(r) as rf:
    print(rf.read(), rf.seekable())
shutil.copy(q, q + ".bak")
print(open(q + ".bak").read())
import logging
h = logging.FileHandler(os.path.join(d, "log.txt"))
lg = logging.getLogger("t"); lg.addHandler(h); lg.warning("logged %d", 5); h.close()
print(open(os.path.join(d, "log.txt")).read())
f = open(q, "rb", buffering=0)
f.name = 42
print(f.name, repr(f))
try:
    open(q).name = 1
except AttributeError as e:
    print(e)
try:
    open(q, "rb").name = 1
except AttributeError as e:
    print(e)
shutil.rmtree(d)
print(os.path.exists(d))
