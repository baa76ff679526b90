# float.fromhex / float.hex: accepted syntax, rounding at the subnormal and overflow edges, errors
texts = ["0x1p0", "0X1P0", "1", "-1", "+0x.8", "0x1.", "0x.1", "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.0000000000000801p0",
         "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p1024", "0x0p99999",
         "0x1p-99999", "  0x1p3  ", "\t0xap0\n", "0x_1p0", "0x1_0p0", "inf", "-Infinity", "nan", "-nAn", "infi", "0x", "0xp1", "0x1p",
         "0x1p+", "0x1.8p+1", "0x1.8P-1", "0xg", "1e3", "0x1p1.5", "", " ", "0x1 p1", "0x1p1 x", "0x" + "f" * 300, "0x0." + "0" * 300 + "1p1200",
         "0x1.123456789abcdef0123p0", "-0x0p0", "0x1p-1022", "0x0.fffffffffffffp-1022", "0x0.0000000000001p-1022"]
for t in texts:
    try:
        v = float.fromhex(t)
        print(repr(t[:30]), repr(v), v.hex())
    except (ValueError, OverflowError) as e:
        print(repr(t[:30]), type(e).__name__, e)
for v in [5e-324, 1e-320, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1, -0.0, 1 / 3, 2.0 ** 52, float("nan")]:
    print(repr(v), v.hex(), float.fromhex(v.hex()) == v or v != v)
