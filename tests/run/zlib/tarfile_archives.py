# tarfile (gz) and shutil.make_archive over zlib.
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib

data = b"The quick brown fox jumps over the lazy dog.\n" * 60

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "t.tar.gz")
    with tarfile.open(p, "w:gz") as t:
        ti = tarfile.TarInfo("x.txt")
        ti.size = len(data)
        ti.mtime = 0
        t.addfile(ti, io.BytesIO(data))
    with tarfile.open(p, "r:gz") as t:
        print(t.getnames(), [m.size for m in t.getmembers()])
    with open(p, "rb") as f:
        print(len(zlib.decompress(f.read(), 31)))
    src = os.path.join(d, "src")
    os.mkdir(src)
    with open(os.path.join(src, "f.txt"), "wb") as f:
        f.write(data)
    a = shutil.make_archive(os.path.join(d, "arch"), "zip", src)
    with zipfile.ZipFile(a) as z:
        print(os.path.basename(a), z.namelist(), z.read("f.txt") == data)
    a = shutil.make_archive(os.path.join(d, "arch"), "gztar", src)
    with tarfile.open(a) as t:
        print(os.path.basename(a), sorted(t.getnames()))
finally:
    shutil.rmtree(d)
