# float repr/str: shortest round-tripping digits, exponents, specials
vals = [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234,
        1.5e300, 5e-324, 1.7976931348623157e308, 2.5, 100.0, 1e22, 1e23, 9007199254740993.0, 3.141592653589793]
for v in vals:
    print(repr(v), str(v), repr(-v))
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, repr(inf), str(-nan))
print(float("1e500"), float("-1e500"), float("1e-500"))
for s in ["1.5", "  -2.25  ", "1_000.5", "inf", "-Infinity", "nAn", "+inf", ".5", "5.", "1e3", "1E-3", "0x1p3", "1__0",
          "", "abc", "1.2.3", "١٫٥", "1_", "infinityy"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(float(), float(7), float(True), float(10**20), float(b"2.5"))
try:
    float(None)
except TypeError as e:
    print("TypeError", e)
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 1e308 * 10, -1e308 * 10)
print(nan == nan, nan != nan, inf == inf, inf > 1e308, nan < 1, nan > 1)
