# memoryview basics
b = b"abcdef"
m = memoryview(b)
print(len(m), m[0], bytes(m[1:3]), m.tobytes(), m.tolist(), m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes)
print(m == b, m[::2].tobytes(), bytes(m[::-1]), m.hex(), m.obj is b, m.c_contiguous, m.contiguous)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J")
mv[1:3] = b"EL"
print(ba, mv.readonly, mv.tobytes())
for f in [lambda: m.__setitem__(0, 1), lambda: mv.__setitem__(slice(0, 2), b"xyz"), lambda: memoryview("str"), lambda: m[10],
          lambda: mv.__setitem__(0, 300)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
mv.release()
try:
    mv[0]
except ValueError as e:
    print("ValueError", e)
with memoryview(b"ctx") as m2:
    print(m2.tobytes())
print(bytes(memoryview(bytearray(b"xy"))), list(memoryview(b"\x01\x02")))
ba2 = bytearray(b"abc")
m3 = memoryview(ba2)
try:
    ba2.append(1)
except BufferError as e:
    print("BufferError", e)
m3.release()
ba2.append(100)
print(ba2)
