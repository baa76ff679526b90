# memoryview released while its key or value is converted; tuple keys; overlapping self-copies; constructor arguments
def show(f):
    try:
        r = f()
        print(r.tolist() if isinstance(r, memoryview) else repr(r))
    except Exception as e:
        print(type(e).__name__, e)
size = 16
def release():
    m.release()
class MyIndex:
    def __index__(self):
        release()
        return 4
class MyFloat:
    def __float__(self):
        release()
        return 4.25
class MyBool:
    def __bool__(self):
        release()
        return True
def fresh(cast=None):
    global m, ba
    ba = bytearray(b"\xff" * size)
    m = memoryview(ba) if cast is None else memoryview(ba).cast(*cast)
    return m
fresh(); show(lambda: m[MyIndex()])
fresh(); show(lambda: list(m[:MyIndex()]))
fresh(); show(lambda: list(m[MyIndex():8]))
fresh(("B", (8, 2))); show(lambda: m[MyIndex(), 0])
fresh(("B", (2, 8))); show(lambda: m[0, MyIndex()])
fresh(); show(lambda: m.__setitem__(MyIndex(), 42)); print(ba[:8])
fresh(); show(lambda: m.__setitem__(slice(None, MyIndex()), b"spam")); print(ba[:8])
fresh(); show(lambda: m.__setitem__(slice(MyIndex(), 8), b"spam")); print(ba[:8])
fresh(("B", (8, 2))); show(lambda: m.__setitem__((MyIndex(), 0), 42)); print(ba[8:16])
fresh(); show(lambda: m.__setitem__(0, MyIndex())); print(ba[:8])
fresh(("d",)); show(lambda: m.__setitem__(0, MyFloat())); print(ba[:8])
fresh(("?",)); show(lambda: m.__setitem__(0, MyBool())); print(ba[:8])
b = bytearray(b"abcdef")
w = memoryview(b)
w[0:3] = w[2:5]
print(b)
w[:] = b"abcdef"
w[2:5] = w[0:3]
print(b)
for k in [(0,), (slice(0, 1, 1), 0), (0, slice(0, 1, 1)), (slice(0, 1, 1), slice(0, 1, 2)), 0.0, "a", (0, 0), 6, -7, 2**63 - 1]:
    show(lambda: w[k])
    show(lambda: w.__setitem__(k, b"a"))
    show(lambda: w.__setitem__(k, 97))
g = memoryview(bytearray(b"abcdef")).cast("B", [2, 3])
for k in [(slice(0, 1, 1), 0), (slice(0, 1, 1), slice(0, 1, 2)), (0, slice(None)), (1, 2), (2, 0), (0, -4)]:
    show(lambda: g[k])
    show(lambda: g.__setitem__(k, 1))
for k, val in [(0, b""), (0, b"ab"), (slice(1, 1), b"a"), (slice(0, 2), b"a")]:
    show(lambda: w.__setitem__(k, val))
    show(lambda: w.cast("c").__setitem__(k, val))
ro = memoryview(b"abc")
for val in [b"a", 65, memoryview(b"a")]:
    show(lambda: ro.__setitem__(0, val))
for f in [lambda: memoryview(b"x"), lambda: memoryview(object=b"x"), lambda: memoryview(), lambda: memoryview(b"x", b"x"),
          lambda: memoryview(argument=b"x"), lambda: memoryview(b"x", argument=True), lambda: bool(memoryview(b"")), lambda: bool(memoryview(b"x"))]:
    show(f)
