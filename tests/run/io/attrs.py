import io, sys
b = io.BytesIO(b"# coding: latin-1\nx = '\xe9'\n")
print(b.readline())
b.seek(0)
t = io.TextIOWrapper(b, "latin-1", line_buffering=True)
t.mode = "r"
print(t.mode, t.read(), t.__dict__)
p = "/tmp/pyrite-io-tok.py"
with open(p, "w") as f:
    f.write("x = 1\n")
with io.TextIOWrapper(open(p, "rb"), "utf-8", line_buffering=True) as f:
    f.mode = "r"
    print(f.mode, f.encoding, f.read(), f.line_buffering)
f = open(p)
f.extra = 5
print(f.extra, f.mode, f.buffer.__dict__)
sys.stdout.foo = 1
print(sys.stdout.foo)
del sys.stdout.foo
try:
    sys.stdout.foo
except AttributeError as e:
    print(e)
try:
    sys.stdout.mode = "w"
    print(sys.stdout.mode)
except AttributeError as e:
    print("AttributeError", e)
