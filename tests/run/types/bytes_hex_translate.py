# hex/fromhex, translate/maketrans on bytes, bytearray and memoryview
b = bytes(range(0, 250, 25))
print(b.hex(), b.hex(":"), b.hex(b"-", 3), b.hex(" ", -3), b.hex("|", 0), b.hex(sep="_", bytes_per_sep=4), b"".hex(":"))
print(bytearray(b"\x01\xab").hex("."), memoryview(b"\xff\x00\x10").hex(), memoryview(b"abcdef")[::2].hex("/"))
print(bytes.fromhex("00ff 10  0A"), bytearray.fromhex(" de AD "), bytes.fromhex(""), bytes.fromhex("\t01\n02 "))
t = bytes.maketrans(b"abc", b"ABC")
print(len(t), t[97:100], b"aabbccd".translate(t), b"abc".translate(None), b"abcabc".translate(None, b"ac"), b"abc".translate(t, delete=b"b"))
print(bytearray(b"cab").translate(t), type(bytearray(b"x").translate(None)).__name__, bytearray.maketrans(b"x", b"y")[120], bytes.maketrans(bytearray(b""), b""))
for f in [lambda: b.hex("ab"), lambda: b.hex("é"), lambda: b.hex(3), lambda: b.hex(":", "x"), lambda: bytes.fromhex("0"),
          lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("1 2"), lambda: bytes.fromhex(b"00"), lambda: bytes.fromhex(),
          lambda: bytearray.fromhex("zz"), lambda: b"a".translate(b"short"), lambda: b"a".translate("x" * 256),
          lambda: b"a".translate(None, "a"), lambda: bytes.maketrans(b"ab", b"a"), lambda: bytes.maketrans("a", "b"),
          lambda: b"a".translate()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
