# pow() and ** across int, float, complex, bool, with and without a modulus
cases = [(2, 3, 1.5), (2.0, 3, 5), (2, 3.0, 5), (2, 3, None), (2, -1, None), (0, -1, 5), (3, -2, 10), (True, 5, 3), (2, 10, True),
         (2**100, -1, 2**61 - 1), (-2, -3, 7), (2, 0, 1), (2, 0, -1), (0, 0, 7), (1j, 2, None), (1j, 2, 3), (2, 1j, None),
         (0.0, -1, None), (0.0, -1.5, None), (-1.0, 0.5, None), (-8, 1 / 3, None), (float("inf"), -1, None), (float("nan"), 0, None),
         (1, float("nan"), None), (-1, float("inf"), None), (10, 400, None), (10.0, 400, None), (2, 2**70, 10**9 + 7), ("2", 3, None), (2, "3", None),
         (2, 3, "5"), (1e308, 2, None), (-2.0, 1e308, None), (0, 0, None), (0.0, 0.0, None), (-0.0, 3, None), (-0.0, -3, None), (-0.0, 0.5, None)]
for a, b, m in cases:
    try:
        r = pow(a, b, m) if m is not None else pow(a, b)
        print(repr(a), repr(b), repr(m), repr(r) if not isinstance(r, int) or abs(r) < 10**50 else len(str(r)))
    except Exception as e:
        print(repr(a), repr(b), repr(m), type(e).__name__, e)
for f in [lambda: (2).__pow__(3, 5), lambda: (2.0).__pow__(3, 5), lambda: (2).__pow__(3.0), lambda: (2).__pow__(3, 5.0),
          lambda: (1j).__pow__(2, None), lambda: pow(2, 3, mod=5), lambda: pow(base=2, exp=3), lambda: pow(2), lambda: 2 ** -2 ** 2]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
