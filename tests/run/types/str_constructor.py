# str(): objects, bytes with encodings and error handlers, keywords, subclasses, __str__ results
class A:
    def __str__(self):
        return "A!"
class B:
    def __repr__(self):
        return "B-repr"
class S(str):
    pass
class C:
    def __str__(self):
        return S("sub")
class D:
    def __str__(self):
        return 5
calls = [lambda: str(), lambda: str(""), lambda: str(A()), lambda: str(B()), lambda: str(C()), lambda: type(str(C())).__name__,
         lambda: str(D()), lambda: str(b"abc"), lambda: str(b"abc", "ascii"), lambda: str(b"\xe9", "latin-1"),
         lambda: str(b"\xff", "utf-8", "replace"), lambda: str(b"\xff", errors="ignore"), lambda: str(b"a", "utf-8", "nope"),
         lambda: str(b"\xff", "utf-8", "nope"), lambda: str(bytearray(b"xy"), "ascii"), lambda: str(memoryview(b"m"), "ascii") if False else "",
         lambda: str("abc", "utf-8"), lambda: str(5, "utf-8"), lambda: str(object="x"), lambda: str(object=b"x", encoding="ascii"),
         lambda: str(encoding="ascii"), lambda: str(b"x", "no-such-codec"), lambda: str(b"x", 1), lambda: str(b"x", "ascii", None),
         lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: S("abc"), lambda: type(S("abc")).__name__, lambda: type(S(b"q", "ascii")).__name__,
         lambda: S(A()), lambda: str.__new__(S, 7), lambda: str.__new__(int), lambda: str(S("z")) is not None, lambda: type(str(S("z"))).__name__]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
