# bytes: construction, repr, indexing, slicing, comparison, errors
for b in [b"", b"abc", b"\x00\xff", b"'", b'"', b"'\"", b"\t\n\r\\", bytes(3), bytes([65, 66]), bytes(range(250, 256)),
          bytes("é", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes.fromhex("de ad BE EF")]:
    print(repr(b), len(b), list(b[:4]))
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::3], b[100:], b"ell" in b, 104 in b, b"x" not in b, b + b"!", b * 2, 2 * b"ab")
print(b < b"help", b"a" == b"a", b"a" == "a", b"abc" < b"abd", b"" < b"\x00", max(b), min(b), sum(b))
for f in [lambda: b[20], lambda: b + "s", lambda: bytes("é"), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(-1),
          lambda: bytes.fromhex("abc"), lambda: bytes.fromhex("zz"), lambda: 300 in b, lambda: "s" in b, lambda: b < "s",
          lambda: bytes(1.5), lambda: bytes(["a"])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -3), bytes().hex(), b"\x01\x02".hex(sep="|"))
print(bytes.fromhex(""), bytes.fromhex(" 01 0a "), type(b[0]).__name__, type(b[0:1]).__name__)
print(list(iter(b"ab")), bytes(x for x in range(3)), bytes.__len__(b"xy"), b.__getitem__(0))
