# complex numbers: construction, repr, arithmetic, errors
vals = [1j, 1 + 2j, -1.5 - 0.5j, complex(3), complex(0, -0.0), complex(-0.0, 0), complex("1+2j"), complex(" 3-4J "),
        complex("j"), complex("-1.5e2j"), complex(1, 2j), complex(1j, 1j), complex(float("inf"), float("nan"))]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate())
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, abs(a), -a, +a, a == 3 + 4j, a != b)
print(a + 1, 2 * a, a / 2, 1 / a, a ** b, 1j ** 2, (1 + 1j) ** 3, 0j ** 0)
for op in [lambda: a < b, lambda: a // b, lambda: a % b, lambda: divmod(a, b), lambda: a / 0, lambda: 0j ** -1,
           lambda: int(a), lambda: float(a), lambda: complex("1+2"), lambda: complex("x"), lambda: complex("1", 2),
           lambda: round(a)]:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
print(format(a, ""), format(a, ".2f"), format(a, "^20"), format(1.5 - 2j, "+.1e"), format(1j, "g"), format(a, "10"))
print(complex(), bool(0j), bool(1j), a.__getnewargs__(), 1 + 2j == complex(1, 2), 1 == 1 + 0j)
print(repr(complex(1e300, 1e-300)), repr(complex(1, float("nan"))), repr(-1j), repr(0j), repr(-0j))
