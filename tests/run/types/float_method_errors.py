# float: constructor, methods and operators, error paths worded as CPython
calls = [lambda: float("1e500"), lambda: float("-1e500"), lambda: float("  1_0.5  "), lambda: float("1__0"),
         lambda: float("\u0661\u0662.5"), lambda: float("\u2007 3.5 \u3000"), lambda: float(b"1.5"), lambda: float(bytearray(b"2.5")),
         lambda: float(b"x"), lambda: float("x" * 300), lambda: float(""), lambda: float(None), lambda: float([]),
         lambda: float(x=1), lambda: float(1, 2), lambda: float("nan"), lambda: float("-inFinity"), lambda: float("infi"),
         lambda: float(2**1024), lambda: float(10**400), lambda: float(-(2**1023)), lambda: float(True),
         lambda: (1.5).is_integer(1), lambda: (1.5).hex(1), lambda: float.fromhex(1), lambda: float.fromhex(),
         lambda: (1.5).__round__(1, 2), lambda: (1.5).__round__(None), lambda: (2.5).__round__(), lambda: (3.5).__round__(),
         lambda: round(2.675, 2), lambda: round(1e300, -300), lambda: round(1.5, 400), lambda: round(1.5, -400),
         lambda: round(float("inf")), lambda: round(float("nan"), 2), lambda: round(-0.0, 1), lambda: round(0.5),
         lambda: (1.5).__format__(1), lambda: (1.5).__format__(), lambda: (1.5).__trunc__(1), lambda: (1.5).conjugate(1),
         lambda: (1.5).as_integer_ratio(1), lambda: (1.5).__getnewargs__(1), lambda: 1.5 % 0, lambda: 1.5 // 0,
         lambda: 1.5 / 0, lambda: divmod(1.5, 0), lambda: 0.0 ** -1, lambda: (-8.0) ** (1 / 3), lambda: 1e308 * 10,
         lambda: 2.0 ** 10000, lambda: (-2.0) ** 10001, lambda: 10.0 ** -400, lambda: (-0.0) % 5, lambda: 0.0 % -5,
         lambda: -7.5 % 2, lambda: 7.5 % -2, lambda: -7.5 // 2, lambda: divmod(-7.5, 2), lambda: divmod(7, -2.0),
         lambda: 1.5 + "a", lambda: (1.5).__add__("a"), lambda: (1.5).__radd__(1), lambda: (1.5).__rsub__(1),
         lambda: (1.5).__rpow__(2), lambda: pow(1.5, 2, 3), lambda: (1.5).__pow__(2, 3), lambda: 1.5 < "a",
         lambda: (1.5).__lt__(2), lambda: (1.5).__eq__(1.5), lambda: (1.5).__eq__("x"), lambda: 2**53 + 1 == float(2**53 + 1),
         lambda: float(2**53 + 1) < 2**53 + 1, lambda: 1e400 > 10**400, lambda: float("nan") == float("nan"),
         lambda: hash(1.5), lambda: hash(-1.0), lambda: hash(float("inf")), lambda: hash(-0.0), lambda: hash(1e300),
         lambda: hash(2.0**-20), lambda: (0.1).__repr__(), lambda: str(1e16), lambda: repr(1e-5), lambda: repr(123456789012345678.0),
         lambda: repr(-0.0), lambda: float.__getformat__("x"), lambda: abs(-0.0), lambda: -(0.0), lambda: +(-0.0),
         lambda: int(-0.9), lambda: (-0.5).__ceil__(), lambda: (2.5).__floor__(), lambda: float("0x1p3"),
         lambda: (1e22).__int__(), lambda: (1.0).__bool__(), lambda: (0.0).__bool__(), lambda: float.__new__(float, "2"),
         lambda: float.__new__(int, "2"), lambda: (1.5).real, lambda: (1.5).imag, lambda: type((1.5).imag)]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
class F(float):
    def __repr__(self):
        return "F!"
f = F(2.5)
print(f, type(f + 1).__name__, type(-f).__name__, float(f), type(float(f)).__name__, F.fromhex("0x1p1"), type(F.fromhex("0x1p1")).__name__)
class G:
    def __float__(self):
        return 4.5
class H:
    def __float__(self):
        return 4
class I:
    def __index__(self):
        return 7
for o in [G(), H(), I()]:
    try:
        print(float(o))
    except TypeError as e:
        print("TypeError", e)
