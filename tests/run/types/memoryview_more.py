# memoryview: slicing shares memory, tolist/tobytes/hex, comparisons, cast to bytes
ba = bytearray(b"0123456789")
m = memoryview(ba)
part = m[2:6]
part[0] = ord("X")
print(ba, bytes(part), part.tolist(), len(part), part.nbytes, part.hex(), part == b"X345")
print(m[::3].tobytes(), m[-3:].tobytes(), bytes(m[5:2:-1]), m[0], m[-1])
c = m.cast("B")
print(c.format, c.itemsize, len(c), c[1])
print(memoryview(b"abc") == memoryview(b"abc"), memoryview(b"abc") == b"abd", memoryview(b"") == b"", memoryview(b"ab") != "ab")
m.release()
print(repr(m).startswith("<released memory"))
try:
    len(m)
except ValueError as e:
    print("ValueError", e)
