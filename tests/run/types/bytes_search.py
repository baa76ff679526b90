# bytes/bytearray searching: find, rfind, index, rindex, count, in; start/end; int needles; errors
for s in [b"hello world", bytearray(b"hello world")]:
    print(s.find(b"o"), s.find(b"o", 5), s.find(b"o", 5, 7), s.find(b"o", -4), s.find(b"", 11), s.find(b"", 12))
    print(s.rfind(b"o"), s.rfind(b"o", 0, 5), s.rfind(b""), s.rfind(b"zz"), s.find(111), s.rfind(108), s.find(memoryview(b"wo")))
    print(s.index(b"l"), s.rindex(b"l"), s.index(108, 4), s.count(b"l"), s.count(b"l", 3, 4), s.count(b""), s.count(b"", 5), s.count(b"", 30))
    print(s.count(108), s.find(b"o", None, None), s.find(b"o", True), s.startswith(b"hell"), s.startswith(b"world", 6), s.endswith(b"hello", 0, 5))
    print(s.startswith((b"x", b"he")), s.endswith((b"x",)), s.startswith(b"", 11), s.startswith(b"", 12), s.endswith(bytearray(b"ld")))
    print(b"lo" in s, 111 in s, 0 in s, b"" in s, memoryview(b"wor") in s)
print(b"aaaa".count(b"aa"), b"abab".replace(b"ab", b"x"), b"aaaa".find(b"aa", 1), b"aaaa".rfind(b"aa", 0, 3))
for f in [lambda: b"abc".index(b"z"), lambda: b"abc".rindex(b"z", 1), lambda: b"abc".index(300), lambda: b"abc".find(-1),
          lambda: b"abc".find("a"), lambda: b"abc".count(1.5), lambda: b"abc".find([97]), lambda: b"abc".find(),
          lambda: b"abc".find(b"a", 1, 2, 3), lambda: b"abc".find(b"a", "x"), lambda: b"abc".find(b"a", start=1),
          lambda: b"abc".startswith("a"), lambda: b"abc".endswith([b"a"]), lambda: b"abc".startswith((b"a", "b")),
          lambda: "a" in b"abc", lambda: 256 in b"abc", lambda: bytearray(b"abc").index(b"q"), lambda: bytearray(b"x").count()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
