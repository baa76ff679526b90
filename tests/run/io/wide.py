import io
p = "/tmp/pyrite-io-wide.txt"
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"):
    with open(p, "w", encoding=enc) as f:
        f.write("ab\r\ncé\n\U0001f600x\rlast")
    with open(p, encoding=enc) as f:
        print(enc, f.readline(), repr(f.read(2)), f.readlines(), f.newlines)
    with open(p, encoding=enc, newline="") as f:
        print(list(f))
    t = io.TextIOWrapper(io.BytesIO("h\U0001f600\ni".encode(enc)), encoding=enc)
    print(repr(t.read(2)), repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"\xff\xfea\x00b"), encoding="utf-16")
try:
    print(t.read())
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(b"\xff\xfea\x00b"), encoding="utf-16", errors="replace")
print(repr(t.read()))
