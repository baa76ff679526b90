import io

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

p = "/tmp/pyrite-io-errors.txt"
with open(p, "w") as f:
    f.write("one\ntwo\n")
    show(f.read)
    show(f.readline)
    show(lambda: f.write(b"x"))
    show(lambda: f.write(1))
    show(lambda: f.seek(1, 1))
    show(lambda: f.seek(-1))
    show(lambda: f.seek(0, 7))
    show(lambda: f.readable())
print(f.closed)
for name in ("read", "readline", "write", "flush", "tell", "seekable", "readable", "writable", "fileno", "isatty", "__next__", "__enter__", "readlines"):
    m = getattr(f, name)
    show((lambda m=m: m("x")) if name == "write" else m)
show(lambda: f.seek(0))
show(lambda: f.writelines(["a"]))
f.close()

with open(p, "rb") as b:
    show(lambda: b.write(b"x"))
    show(lambda: b.read("x"))
    show(lambda: b.readinto(b"xx"))
    show(lambda: b.seek(0, 9))
    print(b.read(2), b.peek(1)[:1], b.tell(), b.seekable())
for name in ("read", "readline", "flush", "tell", "fileno", "isatty", "peek", "read1"):
    show(getattr(b, name))
show(lambda: b.seek(0))
show(lambda: b.write(b""))

with open(p, "ab") as a:
    show(a.read)
    show(lambda: a.write("str"))
    print(a.write(b"three\n"), a.mode, a.raw.mode)
for name in ("write", "flush"):
    show(lambda name=name: getattr(a, name)(b"") if name == "write" else getattr(a, name)())

r = open(p, "rb", buffering=0)
show(lambda: r.write(b"x"))
print(r.read(3), r.readline(), r.readall())
r.close()
for name in ("read", "readall", "fileno", "tell", "seekable", "readable"):
    show(getattr(r, name))
show(lambda: r.write(b""))

show(lambda: open(p, "rt", encoding=1))
show(lambda: open(p, "rb", encoding="utf-8"))
show(lambda: open(p, "r", buffering=0))
show(lambda: open(p, "q"))
show(lambda: open(p, "rw"))
show(lambda: open(p, "r", newline="x"))
show(lambda: open(p, "r", encoding="nope"))
show(lambda: open(p, 3.5))
show(lambda: open(3.5))
show(lambda: open("/tmp/pyrite-io-missing/x"))
show(lambda: open("/tmp"))
t = open(p)
print(t.read(), t.encoding, t.mode, t.buffer.mode, t.name == p, t.readable(), t.writable(), t.seekable())
show(lambda: t.write("x"))
t.close()
t.close()
print(io.open is open, io.FileIO.__name__, io.BufferedReader.__module__)
