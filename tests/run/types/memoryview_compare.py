# memoryview equality, hashing, release/readonly/toreadonly, repr, iteration, buffer uses
a = memoryview(b"abc")
print(a == b"abc", a == bytearray(b"abc"), a == memoryview(b"abc"), a != b"abd", a == b"ab", a == "abc", a == [97, 98, 99], a == a)
print(memoryview(b"aa") == memoryview(b"aa")[::-1], memoryview(b"ab") == memoryview(b"ba")[::-1], memoryview(b"") == b"", memoryview(b"") == bytearray())
print(memoryview(b"ab").cast("c") == memoryview(b"ab"), memoryview(b"ab").cast("c") == memoryview(bytearray(b"ab")).cast("c"))
print(memoryview(bytearray(b"\x01\x00\x02\x00")).cast("h") == memoryview(bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00")).cast("i"))
nan = memoryview(bytearray(b"\x00\x00\x00\x00\x00\x00\xf8\x7f")).cast("d")
print(nan == nan, nan.tolist() != nan.tolist(), b"abc" == a, bytearray(b"abc") == a, bytearray(b"abd") > a, b"x" != memoryview(b"x"))
print(hash(a) == hash(b"abc"), hash(memoryview(b"xyz")[::2]) == hash(b"xz"), hash(memoryview(b"ab").cast("c")) == hash(b"ab"), hash(a) == hash(a))
ro = memoryview(bytearray(b"xyz")).toreadonly()
print(ro.readonly, ro.tobytes(), ro.obj, memoryview(ro).readonly, memoryview(b"q").toreadonly().readonly)
print(list(a), list(memoryview(b"abc")[::-1]), list(reversed(a)), 98 in a, b"b" in a, 120 in a, sorted(memoryview(b"cab")))
it = iter(a)
print(type(it).__name__, next(it), list(it), list(it))
print(b"-".join([a, memoryview(b"x")]), b"x" + a, bytearray(b"y") + a, b"%b|%s" % (a, a), a.hex(":"), memoryview(b"abcdef")[1::2].hex())
print(bytes(a[1:]), bytearray(a[:1]), b"abc".find(a[2:]), b"abc".startswith(a[:2]), b"q".join([b"a", b"b"]).split(memoryview(b"q")))
x = memoryview(b"abc")
x.release()
print(x == x, x == b"abc", x != a, repr(x).startswith("<released memory at 0x"), repr(a).startswith("<memory at 0x"))
for f in [lambda: a < b"abd", lambda: a <= a, lambda: hash(memoryview(bytearray(b"w"))), lambda: hash(ro),
          lambda: hash(memoryview(b"abcd").cast("i")), lambda: hash(x), lambda: bytes(x), lambda: b"x" + x, lambda: b"".join([x]),
          lambda: bytearray(x), lambda: x.tolist(), lambda: x.hex(), lambda: x.cast("B"), lambda: x.toreadonly(),
          lambda: memoryview(x), lambda: memoryview("str"), lambda: memoryview(5), lambda: memoryview(), lambda: memoryview(b"a", b"b"),
          lambda: memoryview(obj=b"x"), lambda: a.tobytes("X"), lambda: a.tobytes(1), lambda: a.tolist(1), lambda: a.count]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(memoryview(object=b"kw").tobytes(), a.tobytes(None), a.tobytes("F"), a.tobytes(order="A"), a.suboffsets, x.release())
