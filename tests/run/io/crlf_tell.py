import io
p = "/tmp/pyrite-io-crlf.txt"
with open(p, "wb") as f:
    f.write(b"a\r\nbb\r\nccc\n\r\ndd\r\nlast")
with open(p) as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell(), repr(f.read(2)), f.tell(), repr(f.read(2)), f.tell())
    print(repr(f.read()), f.tell(), f.newlines)
    f.seek(3)
    print(repr(f.readline(1)), repr(f.readline()), f.tell(), repr(f.readline(0)))
with open(p, newline="") as f:
    print([(l, f.tell()) for l in iter(f.readline, "")])
with open(p) as f:
    print(f.readlines(), list(open(p)))
    f.seek(0)
    print(repr(f.read(4)), repr(f.read(1)), repr(f.read(5)), f.tell())
with open(p, "rb") as f:
    data = f.read()
with open(p, "wb") as f:
    f.write(b"x\ry\r\nz\r")
with open(p) as f:
    print(repr(f.read()), f.newlines)
with open(p) as f:
    print(f.readlines())
t = io.TextIOWrapper(io.BytesIO(b"x\r\ny\r\nz"))
print(repr(t.read(2)), t.tell(), repr(t.read(2)), t.tell(), repr(t.read()), t.tell())
with open(p) as f:
    for line in f:
        try:
            print(repr(line), f.tell())
        except OSError as e:
            print(type(e).__name__, e)
        break
    print(repr(f.readline()))
    try:
        f.tell()
    except OSError as e:
        print(type(e).__name__, e)
    for line in f:
        pass
    print(f.tell())
    next(iter(f), None)
    print(f.tell())
