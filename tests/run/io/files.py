import io

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

p = "/tmp/pyrite-io-files.txt"
for enc in ("utf-16", "utf-8-sig", "utf-32", "latin-1"):
    with open(p, "w", encoding=enc) as f:
        f.write("ab")
        f.write("cé\n")
    with open(p, "a", encoding=enc) as f:
        f.write("z")
    print(enc, open(p, "rb").read())
with open(p, "w+") as f:
    print(f.write("line1\nline2\n"), f.tell(), f.seek(0), f.readline(), f.tell())
    print(f.read(), f.tell(), f.seek(0, 2))
    show(lambda: f.seek(3, 1))
    print(f.truncate(3), f.seek(0), f.read())
with open(p, "r+") as f:
    print(f.read(1), f.write("X"), f.seek(0), f.read())
with open(p, "a+") as f:
    print(f.tell(), f.write("++"), f.seek(0), f.read(), f.mode, f.buffer.mode)
with open(p, "rb+") as f:
    print(f.read(2), f.write(b"__"), f.seek(0), f.read(), f.mode, type(f).__name__)
with open(p, "x" if False else "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(p, "rb").read(), open(p).read().encode(), open(p, newline="").readlines())
with open(p, "w", newline="\r") as f:
    f.write("a\nb\n")
t = open(p, newline=None)
print(repr(t.read()), t.newlines)
t.close()
show(lambda: open(p, "x"))
with open(p, "wb") as f:
    print(f.write(memoryview(b"mv")), f.write(bytearray(b"ba")), f.tell())
with open(p, "rb") as f:
    print(list(f), f.tell())
with open(p, "r") as f:
    show(lambda: f.read(-5))
    show(lambda: f.readline(None))
    show(lambda: f.readlines(1))
