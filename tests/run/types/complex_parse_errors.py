# complex: parsing, signed zeros, special values, methods and error paths
texts = ["1", "-1.5", "j", "-j", "+j", "1j", "1+1j", "1-1j", "-1.5e-3+2.5E+2j", "(1+2j)", " ( 3j ) ", "1e3j", "inf", "-infj",
         "nan+nanj", "infinityj", "1_0+2_0j", "\u0661+\u0662j", "\u2007 1j \u3000", "1+j", "1-J", ".5j", "5.j",
         "", " ", "()", "(1", "1)", "1 +2j", "1+ 2j", "1+2 j", "j1", "1+2jj", "1+2i", "++1j", "1e", "1_j", "_1j", "1__0j",
         "1+2j+3", "(1)+2j", "0x1j", "nanj", "-nanj", "1.5-infj"]
for t in texts:
    try:
        print(repr(t), repr(complex(t)))
    except ValueError as e:
        print(repr(t), "ValueError", e)
vals = [complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(1e-310, -1e-310),
        complex(float("inf"), -float("inf")), complex(float("nan"), 1), complex(1e16, 1e-5), complex(123456789.0, 0.1)]
for v in vals:
    print(repr(v), str(v), format(v, ""), format(v, "g"), format(v, ".3"), -v, +v, v.conjugate(), hash(v) == hash(complex(v.real, v.imag)))
print(hash(1j), hash(complex(1, 0)) == hash(1), hash(complex(0.5, 0)) == hash(0.5), hash(complex(-1, 0)))
calls = [lambda: 1j < 2j, lambda: 1j <= 1, lambda: 1j == 1j, lambda: (1j).__eq__(1), lambda: (1j).__eq__("x"),
         lambda: (1j).__lt__(1j), lambda: 1j + "a", lambda: "a" * 1j, lambda: divmod(1j, 1), lambda: 1j // 1, lambda: 1j % 1,
         lambda: int(1j), lambda: float(1j), lambda: abs(complex(3e307, 4e307)), lambda: abs(complex(float("inf"), float("nan"))),
         lambda: abs(complex(float("nan"), 1)), lambda: 1j / 0, lambda: 1j / 0j, lambda: 1 / 0j, lambda: 0j ** -1,
         lambda: 0j ** 1j, lambda: 0j ** 0j, lambda: 0j ** 2, lambda: (1 + 1j) ** 100, lambda: (1 + 1j) ** 101,
         lambda: (1 + 1j) ** -3, lambda: (2 + 3j) ** (1 + 1j), lambda: 1j ** 0.5, lambda: 2 ** 1j, lambda: (1e200j) ** 2,
         lambda: complex(1e308, 1e308) * 10, lambda: pow(1j, 2, 3), lambda: (1j).__pow__(2, 3), lambda: (1j).__rpow__(2),
         lambda: (1j).conjugate(1), lambda: (1j).__format__(1), lambda: format(1j, "d"), lambda: format(1j, "="),
         lambda: format(1j, "010"), lambda: format(1 + 2j, "<15"), lambda: format(1 + 2j, "*^20.2f"),
         lambda: format(-0.0 - 1j, "+"), lambda: format(complex(1, -0.0), ""), lambda: format(1j, ".0%"),
         lambda: complex(1, "2"), lambda: complex("1", 2), lambda: complex(None), lambda: complex(1, None),
         lambda: complex([]), lambda: complex(real=1, imag=2), lambda: complex(imag=2), lambda: complex(1j, 1j),
         lambda: complex(1, 2, 3), lambda: complex(x=1), lambda: complex.__new__(int), lambda: (1j).__complex__(),
         lambda: (1j).__getnewargs__(), lambda: (1j).real, lambda: (1j).imag, lambda: 2j.__bool__(), lambda: (0j).__bool__()]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
class C(complex):
    pass
c = C(1, 2)
print(type(c).__name__, c, type(c + 1).__name__, type(-c).__name__, type(complex(c)).__name__, complex(c))
class K:
    def __complex__(self):
        return 3j
print(complex(K()), complex(K(), 1), complex(1, K()) if False else "")
