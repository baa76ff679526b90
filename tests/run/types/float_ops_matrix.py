# float operators over special values and signed zeros (results compared by repr, errors by message)
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 5e-324, float("inf"), float("-inf"), float("nan"), 7, -7, 2**64, True]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "//": lambda a, b: a // b,
       "%": lambda a, b: a % b, "divmod": divmod, "**": lambda a, b: a ** b, "cmp": lambda a, b: (a < b, a <= b, a == b, a != b)}
for name, f in ops.items():
    for a in vals:
        row = []
        for b in vals:
            if not isinstance(a, float) and not isinstance(b, float):
                continue
            try:
                row.append(repr(f(a, b)))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__[:4] + ":" + str(e))
        print(name, repr(a), row)
for a in vals:
    if isinstance(a, float):
        print(repr(a), repr(-a), repr(abs(a)), repr(+a), a.is_integer(), hash(a) if a == a else "nan", bool(a), round(a) if abs(a) < 1e300 and a == a else "", a.__trunc__() if abs(a) < 1e300 and a == a else "")
