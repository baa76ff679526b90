# int() text edge cases: prefixes with underscores, leading zeros, signs, whitespace kinds, Unicode digits of other scripts
texts = ["0_b1", "0b_1", "0b__1", "0B1_0", "1_000", "0_7", "00", "000_0", "0o_7", "0x_", "0x", "-0", "+-1", "- 1", "1 ", "\u00a01\u2003",
         "\u0e51\u0e52", "\U0001d7ce\U0001d7cf", "\u0661_\u0662", "١٢٣٤٥٦٧٨٩٠", "\uff11\uff12", "\u00b2", "\u2460", "1\u00001", "\x0c7\x0b",
         "0x1F", "0X1f", "0o17", "0O17", "0b101", "0B101", "0_0_0", "08", "0_8", "09_9", "0e1", "1e1", "0j"]
for t in texts:
    row = []
    for base in (0, 10, 16, 2, 8, 36):
        try:
            row.append(int(t, base))
        except ValueError as e:
            row.append("VE")
    print(repr(t), row)
try:
    int("x" * 300)
except ValueError as e:
    print(len(str(e)), str(e)[-20:])
try:
    int("\u00e9" * 10, 36)
except ValueError as e:
    print(e)
