# open(): text and binary files, modes, newline handling, seek/tell, codecs, errors
import sys
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
path = "/tmp/pyrite_open_case.tmp"
with open(path, "w") as f:
    print(repr(f)[:40], f.mode, f.name, f.encoding, f.errors, f.closed, f.writable(), f.readable(), f.seekable())
    print(f.write("line one\n"), f.write("second\r\nthird\rfourth"), f.tell())
    f.writelines(["\n", "x\n"])
print(f.closed)
show(lambda: f.write("x"))
show(lambda: f.read())
with open(path) as f:
    print(f.readline(), end="")
    print(repr(f.readline()), repr(f.read(5)), f.tell())
    print(repr(f.read()))
    print(repr(f.read()), f.seek(0), repr(f.read(4)), f.seek(0, 2) > 0)
    show(lambda: f.seek(3, 1))
    show(lambda: f.seek(-1))
    show(lambda: f.write("x"))
with open(path, newline="") as f:
    print(f.readlines())
with open(path, "rb") as f:
    print(repr(f)[:30], f.mode, f.read(4), f.readline(), f.tell(), f.seek(-3, 2), f.read())
    f.seek(0)
    print(list(f)[:2])
with open(path, "ab") as f:
    print(f.mode, f.write(b"appended\n"), f.tell())
with open(path, "r+") as f:
    print(f.mode, f.read(3), f.readable(), f.writable())
with open(path, "rb", buffering=0) as f:
    print(repr(f)[:20], f.mode, f.read(3))
for i, line in enumerate(open(path, encoding="utf-8")):
    print(i, repr(line))
with open(path, "w", encoding="latin-1") as f:
    f.write("café")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read(), f.encoding)
show(lambda: open(path, encoding="utf-8").read())
show(lambda: open(path, encoding="utf-8", errors="replace").read())
show(lambda: open("/nonexistent/dir/x"))
show(lambda: open("."))
show(lambda: open(path, "x"))
show(lambda: open(path, "rw"))
show(lambda: open(path, "rbt"))
show(lambda: open(path, "z"))
show(lambda: open(path, "t"))
show(lambda: open(path, "rb", encoding="utf-8"))
show(lambda: open(path, "rb", newline=""))
show(lambda: open(path, "r", buffering=0))
show(lambda: open(path, newline="x"))
show(lambda: open(path, encoding="nope"))
show(lambda: open(path, errors="nope").read())
show(lambda: open(5.5))
show(lambda: open(path, 5))
show(lambda: open(path, closefd=False))
show(lambda: open())
f = open(path, "w")
f.write("unflushed")
del f
print(open(path).read())
open(path, "w").close()
with open(path, "w") as f:
    print("via print", 42, file=f)
    print("more", end="", file=f)
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path) as f:
        raise KeyError("inside with")
except KeyError as e:
    print("KeyError", e, f.closed)
open(path, "w").close()
