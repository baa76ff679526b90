# float.hex / fromhex / as_integer_ratio / is_integer / conjugate / trunc etc.
for v in [0.0, -0.0, 1.0, 0.5, 0.1, -2.75, 1e300, 5e-324, 123.456, float("inf"), float("-inf")]:
    print(repr(v), v.hex(), v.is_integer())
for s in ["0x1.8p1", "-0x1p-2", "0x.8", "1", "0x1.fffffffffffffp1023", "inf", "-nan", "0X1P+4", " 0x10 "]:
    print(s, float.fromhex(s))
for bad in ["0x1p99999", "xyz", "0x"]:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
for v in [0.5, 0.1, -2.75, 3.0, 1e-3, 1e20]:
    print(v, v.as_integer_ratio())
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((2.5).conjugate(), (2.5).real, (2.5).imag, (2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__())
print(int(2.9), int(-2.9), int(1e20), (1.5).__int__())
for v in [float("inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((3.0).__getnewargs__())
print((1.5).__mod__(1), (-7.5).__floordiv__(2), (2.0).__pow__(0.5), (7.0).__divmod__(-2))
