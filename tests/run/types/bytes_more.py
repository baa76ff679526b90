# bytes: iteration, comparison, hashing, more methods, errors
b = b"Hello, World"
print(list(b[:3]), b[0:1] == b"H", b.count(b"l"), b.index(b"o", 5), b.rindex(b"o"), b.rfind(b"z"), b.center(16, b"."))
print(b.split(b", "), b.lower().title(), b.isalpha(), b"abc".isalpha(), b"ab1".isalnum(), b" ".isspace(), b"".isspace())
print(hash(b"abc") == hash(b"abc"), b"abc" == bytearray(b"abc"), b"a" < b"b" < b"ba", bytes([1, 2]) + bytearray([3]))
print(b"a,b,,c".split(b","), b"  x  y ".split(), b"x".join([b"1", b"2"]), b"abc".startswith((b"x", b"a")), b"%-5s|" % b"ab")
print(b"\x00\x01abc\xff".hex(), repr(b"\x00\x01abc\xff"), b"tab\there".expandtabs(), b"AbC".swapcase(), b"mississippi".replace(b"ss", b"SS"))
print(b"abc" * 0, b"" * 5, b"z" in b"xyz", b"yz" in b"xyz", 122 in b"xyz", bytes(5)[2], bytes.fromhex("4142").decode())
for f in [lambda: b[100], lambda: b + 1, lambda: b * "x", lambda: b.split(1), lambda: b.decode("utf-8", 5), lambda: b"x".join(["s"]),
          lambda: b.count("l"), lambda: b.replace("l", "L"), lambda: bytes("abc", "utf-8", "strict", 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
