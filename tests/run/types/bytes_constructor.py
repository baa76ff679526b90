# bytes() and bytearray() constructors: sources, encodings, __bytes__, __index__, subclasses, errors
class Idx:
    def __index__(self):
        return 3
class WithBytes:
    def __bytes__(self):
        return b"custom"
class BadBytes:
    def __bytes__(self):
        return "no"
class B(bytes):
    pass
class BA(bytearray):
    pass
for src in [b"", b"abc", bytearray(b"xy"), memoryview(b"mv"), 4, Idx(), [1, 2, 255], (65, 66), range(3), iter([7, 8]), WithBytes()]:
    print(bytes(src), bytearray(src) if not isinstance(src, WithBytes) else "-")
print(bytes("é€", "utf-8"), bytes("abc", "ascii"), bytes("é", "latin-1"), bytes("x", encoding="utf-16-le"), bytes(source=b"kw"))
print(bytearray("é", "utf-8"), bytearray("ab", "ascii", "strict"), bytes("\udcff", "utf-8", "surrogateescape"), bytes("é", "ascii", "ignore"))
b = B(b"sub")
print(b, repr(b), type(b).__name__, b.upper(), type(b.upper()).__name__, type(b[:]).__name__, b == b"sub", type(B.fromhex("41")).__name__)
print(B(WithBytes()), type(B(WithBytes())).__name__, BA(b"x"), repr(BA(b"x")), type(BA(b"x") + b"y").__name__, type(BA.fromhex("41")).__name__)
print(bytes(memoryview(b"abcdef")[::2]), bytearray(memoryview(bytearray(b"abcdefgh")).cast("i")), bytes(bytearray()), bytes(0))
ba = bytearray(b"old")
ba.__init__(b"new contents")
print(ba, bytes(b"x") is not None, len(bytes(10)), bytearray(2) + bytearray(1))
for f in [lambda: bytes("str"), lambda: bytes(-1), lambda: bytes(1.5), lambda: bytes(["a"]), lambda: bytes([256]), lambda: bytes([-1]),
          lambda: bytes(b"x", "utf-8"), lambda: bytes(3, "utf-8"), lambda: bytes("a", 1), lambda: bytes("a", errors=1),
          lambda: bytes(encoding="utf-8"), lambda: bytes(errors="strict"), lambda: bytes("a", errors="strict"), lambda: bytes(b"a", errors="strict"),
          lambda: bytes(1, 2, 3, 4), lambda: bytes(x=1), lambda: bytes(BadBytes()), lambda: bytes("a", "nope"),
          lambda: bytearray("str"), lambda: bytearray(-2), lambda: bytearray(1.5), lambda: bytearray([300]), lambda: bytearray(x=1),
          lambda: bytearray(b"x", 1), lambda: bytearray(5, "utf-8"), lambda: bytearray(None), lambda: bytes(None), lambda: bytes([1.0])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: bytearray(encoding="utf-8"), lambda: bytearray(errors="x"), lambda: bytearray(1, errors="x"), lambda: bytearray(b"", "utf-8"),
          lambda: bytearray("a", errors="x"), lambda: bytearray([1.0]), lambda: bytearray(Ellipsis)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
