# calling builtin types with keywords and wrong arguments
print(int("10", base=2), str(object=5), str(b"x", encoding="ascii"), float("1.5"), complex(real=1, imag=2), bool(0))
print(list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray(), range(1), slice(1), str(), int(), float(), complex())
for f in [lambda: int(x=1), lambda: float(x=1.0), lambda: list(iterable=[1]), lambda: tuple(1, 2), lambda: set([1], [2]),
          lambda: dict(1, 2), lambda: bool(1, 2), lambda: frozenset(x=1), lambda: range(stop=1), lambda: slice(1, 2, 3, 4),
          lambda: str(1, 2, 3, 4), lambda: bytes(1, 2), lambda: object(x=1), lambda: type("x", (), {}, 1),
          lambda: enumerate(), lambda: zip(strict=True, x=1), lambda: map(), lambda: memoryview()]:
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError", e)
