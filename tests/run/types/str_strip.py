# strip family, removeprefix/removesuffix, justification, zfill, center, expandtabs
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixyx".strip("xy")), repr("abc".strip("")))
print(repr("\u3000x\u2003".strip()), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")), repr(s.strip(None)))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("x"), "name.py".removesuffix(".py"), "a".removesuffix(""))
for w in [10, 3, 0, -1]:
    print(repr("abc".ljust(w)), repr("abc".rjust(w, "*")), repr("abc".center(w, "-")), repr("ab".center(w)), repr("abc".zfill(w)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "".zfill(3), "-".zfill(3), "abc".zfill(6))
try:
    "x".ljust(5, "ab")
except TypeError as e:
    print("TypeError", e)
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(2)), repr("ab\n\tc\r\td".expandtabs(4)), repr("\t".expandtabs(0)))
print(repr("x".center(4, "é")), repr("é".rjust(3, "ü")))
try:
    "x".strip(5)
except TypeError as e:
    print("TypeError", e)
