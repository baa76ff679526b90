# bytes/bytearray case mapping, predicates, padding, zfill, expandtabs
for s in [b"hello World 42", b"", b"\xe9t\xc9", bytearray(b"mIxEd cAsE"), b"o'neil x1y"]:
    print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
for s in [b"", b"abc", b"ABC", b"aB", b"123", b"a1", b" \t\n\x0b\x0c\r", b"\x1c", b"Ab Cd", b"AB Cd", b"ab", b"\x80", b"A1b", b"1A"]:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isascii())
print(b"ab".center(7, b"*"), b"abc".center(6, b"*"), b"ab".center(5), b"ab".center(1), b"ab".ljust(5, b"."), b"ab".rjust(5, bytearray(b"0")))
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(3), b"".zfill(2), b"abc".zfill(2), b"-".zfill(3), bytearray(b"7").zfill(3))
print(b"a\tbc\td".expandtabs(), b"a\tbc\td".expandtabs(4), b"a\tb".expandtabs(0), b"ab\n\tc\r\td".expandtabs(2), b"\t".expandtabs(tabsize=3))
print(b"ab".center(-3), b"ab".ljust(True), type(bytearray(b"x").center(3)).__name__, type(bytearray(b"x").upper()).__name__)
for f in [lambda: b"a".center(5, b"ab"), lambda: b"a".center(5, "x"), lambda: b"a".ljust("5"), lambda: b"a".rjust(),
          lambda: b"a".zfill(), lambda: b"a".zfill("2"), lambda: b"a".expandtabs("x"), lambda: b"a".upper(1),
          lambda: bytearray(b"a").isalpha(0), lambda: b"a".center(3, memoryview(b"x")), lambda: b"a".expandtabs(1.0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
