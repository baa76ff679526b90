# gzip and zipfile (deflated members) over zlib.
import gzip
import io
import zipfile
import zlib

data = b"The quick brown fox jumps over the lazy dog.\n" * 60

g = gzip.compress(data, mtime=0)
print(g.hex()[:60], len(g), gzip.decompress(g) == data)
for level in (0, 1, 9):
    print(level, gzip.compress(data, level, mtime=0).hex()[-40:])
print(gzip.decompress(gzip.compress(b"a", mtime=0) + gzip.compress(b"b", mtime=0)))
try:
    gzip.decompress(g[:-4])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="name.txt") as f:
    f.write(data[:100])
    f.write(data[100:])
raw = buf.getvalue()
print(raw[:20].hex(), len(raw))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), f.readline(), len(f.read()), f.name)
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    f.seek(2000)
    print(f.read(20), f.tell())

zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("a.txt", (2020, 1, 1, 0, 0, 0)), data)
    info = zipfile.ZipInfo("b.txt", (2021, 2, 3, 4, 5, 6))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, b"bee" * 100, compresslevel=9)
    z.writestr(zipfile.ZipInfo("c.txt", (2020, 1, 1, 0, 0, 0)), b"stored", compress_type=zipfile.ZIP_STORED)
print(len(zb.getvalue()), zb.getvalue()[:40].hex())
with zipfile.ZipFile(zb) as z:
    print(z.namelist(), z.read("a.txt") == data, z.read("b.txt")[:9], z.read("c.txt"), z.testzip())
    print([(i.filename, i.compress_type, i.file_size, i.compress_size) for i in z.infolist()])
    with z.open("a.txt") as f:
        print(f.read(12), len(f.read()))

