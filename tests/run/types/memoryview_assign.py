# memoryview item and slice assignment through views of a bytearray; pack ranges and type errors
ba = bytearray(b"0123456789")
m = memoryview(ba)
m[0] = 65
m[-1] = 66
m[1:3] = b"xy"
m[3:5] = bytearray(b"XY")
m[5:7] = memoryview(b"..")
m[7:10:2] = b"!?"
print(ba)
part = m[2:8]
part[0] = 0
part[::-1] = b"abcdef"
print(ba, part.tobytes(), part.obj is ba, part.readonly)
h = memoryview(bytearray(8)).cast("h")
h[0] = -2
h[1] = 0x7fff
h[2] = True
h[-1] = -0x8000
print(h.tolist(), bytes(h))
q = memoryview(bytearray(16)).cast("Q")
q[0] = 2**64 - 1
q[1] = 2**63
print(q.tolist(), memoryview(bytes(q)).cast("q").tolist())
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 3
print(d.tolist())
b = memoryview(bytearray(3)).cast("?")
b[0] = [1]
b[1] = ""
b[2] = 2.5
print(b.tolist())
c = memoryview(bytearray(b"abc")).cast("c")
c[1] = b"Z"
c[0:2] = memoryview(bytearray(b"PQ")).cast("c")
print(c.tolist(), c.obj)
g = memoryview(bytearray(6)).cast("B", [2, 3])
g[1, 2] = 9
g[0, -1] = 8
print(g.tolist())
for f in [lambda: memoryview(b"ro").__setitem__(0, 1), lambda: memoryview(b"ro").__setitem__(slice(0, 1), b"x"),
          lambda: m.__delitem__(0), lambda: m.__setitem__(0, 256), lambda: m.__setitem__(0, -1), lambda: m.__setitem__(0, b"a"),
          lambda: m.__setitem__(0, 1.0), lambda: m.__setitem__(20, 1), lambda: m.__setitem__("a", 1),
          lambda: m.__setitem__(slice(0, 2), b"xyz"), lambda: m.__setitem__(slice(0, 2), [1, 2]), lambda: m.__setitem__(slice(0, 4, 2), b"abc"),
          lambda: h.__setitem__(0, 0x8000), lambda: h.__setitem__(0, -0x8001), lambda: h.__setitem__(0, "1"),
          lambda: h.__setitem__(slice(0, 1), b"ab"), lambda: q.__setitem__(0, -1), lambda: q.__setitem__(0, 2**64),
          lambda: d.__setitem__(0, "x"), lambda: c.__setitem__(0, 1), lambda: c.__setitem__(0, b"xy"), lambda: c.__setitem__(0, "x"),
          lambda: g.__setitem__(0, 1), lambda: g.__setitem__(slice(0, 1), b"abc"), lambda: g.__setitem__((0, 5), 1),
          lambda: g.__setitem__((0,), 1), lambda: memoryview(bytearray(1)).cast("B", []).__setitem__(0, 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
z = memoryview(bytearray(1)).cast("B", [])
z[()] = 7
z[...] = 8
print(z.tolist(), z.obj, ba)
