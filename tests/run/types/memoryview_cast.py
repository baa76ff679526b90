# memoryview.cast: formats, shapes, tolist of N-d views, strides, contiguity, errors
ba = bytearray(b"abcdefgh")
m = memoryview(ba)
for fmt in ["B", "b", "c", "?", "@B", "H", "h", "I", "i", "L", "l", "Q", "q", "N", "n"]:
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist())
f = memoryview(bytearray(b"\x00\x00\xc0\x3f\x00\x00\x00\x00\x00\x00\x04\x40")).cast("B", [12])
print(f[:4].cast("f").tolist(), f[4:].cast("d").tolist(), memoryview(bytearray(b"\xff" * 8)).cast("b").tolist())
g = m.cast("B", [2, 4])
print(g.ndim, g.shape, g.strides, g.tolist(), g[1, 2], g[-1, -1], g.tobytes(), g.c_contiguous, g.f_contiguous, g.contiguous, len(g))
print(g.tobytes("F"), g[::-1].tobytes("F"), g.tobytes("A"))
print(g.cast("B").tolist(), g.cast("c").tolist(), m.cast("H", [2, 2]).tolist(), m.cast("B", (2, 2, 2)).tolist(), m.cast("B", [1, 8])[0, 7])
print(g[0:1].tolist(), g[::-1].tolist(), g[::-1].strides, g == m.cast("B", [2, 4]), g == b"abcdefgh", g == m)
z = m.cast("Q", [])
print(z.ndim, z.shape, z.strides, z.tolist() == int.from_bytes(b"abcdefgh", "little"), z[()] == z.tolist(), len(z), z.nbytes)
s = m[::2]
print(s.tobytes(), s.strides, s.c_contiguous, s.contiguous, s[::-1].tobytes(), s[::-1].strides, m[::-1].cast("B", [8]).tolist() if False else "-")
for f in [lambda: m.cast("x"), lambda: m.cast("<i"), lambda: m.cast("ii"), lambda: m.cast("e"), lambda: m.cast(1),
          lambda: m.cast("i").cast("h"), lambda: m[::2].cast("B"), lambda: m[:7].cast("i"), lambda: m.cast("i", [3]),
          lambda: m.cast("B", 5), lambda: m.cast("B", [0, 8]), lambda: m.cast("B", [2, 4]).cast("B", [4, 2]),
          lambda: g[0], lambda: g[0, 1, 2], lambda: g[5, 0], lambda: g[0, -9], lambda: g[1.5], lambda: g["a"], lambda: m[...],
          lambda: z[0], lambda: list(z), lambda: list(g), lambda: g[0:1, 0:1], lambda: m.cast(), lambda: m.cast(format="B", shape=[8], x=1)]:
    try:
        r = f()
        print(r.tolist() if isinstance(r, memoryview) else r)
    except Exception as e:
        print(type(e).__name__, e)
e = memoryview(b"")
print(e.cast("B").tolist(), e.cast("i").tolist(), e.cast("c").shape, memoryview(b"abcd")[1:1].cast("B").tolist(), len(e), e.tobytes(), e.hex())
for f in [lambda: e.cast("B", [1]), lambda: e.cast("B", []), lambda: memoryview(b"abcd")[1:1].cast("B", [2]), lambda: e[0]]:
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
