# complex operators over special values and signed zeros (results by repr, errors by message)
inf, nan = float("inf"), float("nan")
vals = [0j, complex(-0.0, -0.0), 1 + 0j, 1j, -1j, 1 + 1j, complex(2, -0.0), complex(inf, 0), complex(0, inf), complex(nan, 1),
        complex(1e308, 1e308), complex(5e-324, -5e-324), 2, -0.5, 0.0, -0.0, inf]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "**": lambda a, b: a ** b,
       "==": lambda a, b: (a == b, a != b)}
for name, f in ops.items():
    for a in vals:
        row = []
        for b in vals:
            if not isinstance(a, complex) and not isinstance(b, complex):
                continue
            try:
                row.append(repr(f(a, b)))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__[:4] + ":" + str(e))
        print(name, repr(a), row)
for a in vals:
    if isinstance(a, complex):
        try:
            ab = repr(abs(a))
        except OverflowError as e:
            ab = str(e)
        print(repr(a), repr(-a), repr(+a), ab, repr(a.conjugate()), bool(a), hash(a) if a == a else "nan")
