# bytes methods mirroring str
b = b"  The Quick brown fox  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Tx"), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.split(), b.split(b" "), b.rsplit(None, 1), b.split(b"o", 1), b"a,b".partition(b","), b"a,b,c".rpartition(b","))
print(b.find(b"Quick"), b.rfind(b"o"), b.index(b"b"), b.count(b"o"), b.count(111), b.find(111), b.startswith(b"  T"), b.endswith((b"x", b"  ")))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b.replace(b"o", b"0"), b.replace(b"o", b"0", 1), b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(b"12".zfill(5), b"-1".zfill(4), b"a\tb".expandtabs(4), b"x\ny\r\nz".splitlines(), b"x\ny".splitlines(True))
print(b"abc".isalpha(), b"ab1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"ab".islower(), b"AB".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"prefix.txt".removeprefix(b"prefix"), b"name.py".removesuffix(b".py"))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"abcdef".translate(None, b"bdf"), b"hello".translate(t, b"l"))
for f in [lambda: b.index(b"zzz"), lambda: b"-".join([b"a", "b"]), lambda: b.split(b""), lambda: bytes.maketrans(b"a", b"bc"),
          lambda: b.find("o"), lambda: b"x".center(3, "*")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(b"%s %d %x %c %r %b %a" % (b"bs", 5, 255, 65, b"r", b"b", "é"), b"%5s|%-5s|" % (b"ab", b"cd"), b"%(k)s" % {b"k": b"v"})
for fmt, arg in [(b"%s", "str"), (b"%c", 256), (b"%d", b"1")]:
    try:
        print(fmt % arg)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
