# bytes/bytearray splitting, partitioning and stripping
s = b"  one two\tthree\n four  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2), s.rsplit(maxsplit=0), s.split(b" "))
print(b"a,b,,c,".split(b","), b"a,b,,c,".rsplit(b",", 2), b"a,b".split(b",", 0), b"".split(), b"".split(b","), b"   ".split())
print(b"a::b::c".split(b"::"), b"a::b::c".rsplit(b"::", 1), b"x".split(sep=b"x"), bytearray(b"1 2").split())
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"l1\nl2\r\n".splitlines(True), b"".splitlines(), b"\n".splitlines(), b"a\x0bb\x0cc".splitlines())
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kv".partition(b"="), b"kv".rpartition(b"="), bytearray(b"a-b").partition(b"-"))
print(b"  x \t\n".strip(), b"  x ".lstrip(), b"  x ".rstrip(), b"xxaxx".strip(b"x"), b"abcba".strip(b"ab"), b"abc".strip(b""), b"\x0b\x0cx\x1c".strip())
print(bytearray(b"--x--").strip(b"-"), b"aXb".lstrip(bytearray(b"a")), b"aXb".rstrip(memoryview(b"b")), b"  x ".strip(None))
print(b"prefix-body".removeprefix(b"prefix-"), b"body.py".removesuffix(b".py"), b"abc".removeprefix(b"x"), bytearray(b"abc").removesuffix(b"bc"))
print(type(bytearray(b"a b").split()[0]).__name__, type(bytearray(b"a").partition(b"a")[1]).__name__, type(bytearray(b"x").strip()).__name__)
for f in [lambda: b"a".split(b""), lambda: b"a".rsplit(b""), lambda: b"a".split("a"), lambda: b"a".split(1), lambda: b"a".split(maxsplit="1"),
          lambda: b"a".partition(b""), lambda: b"a".rpartition("a"), lambda: b"a".strip("a"), lambda: b"a".strip(1),
          lambda: b"a".strip(b"a", b"b"), lambda: b"a".removeprefix("a"), lambda: b"a".split(b"a", 1, 2), lambda: b"a".split(x=1),
          lambda: b"a".partition(), lambda: b"a\nb".splitlines(1.5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
