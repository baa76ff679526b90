# str -> float -> str, including underscores, whitespace, exponent forms, very long inputs
for s in ["0.1", "1e-7", "1E+7", "  3.0\n", "1_2.3_4", "-.5e1", "+1.e2", "9" * 30, "0." + "0" * 30 + "1", "1e308", "2e308", "4.9e-324",
          "2.4e-324", "0x1p4", "1e", "e1", ".", "1_.5", "nan(1)", "Infinity", "-iNF", "  +nan  "]:
    try:
        v = float(s)
        print(repr(s), repr(v), str(v))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(str(1e15), str(1e16), str(123456789012345.6), str(0.000123), str(1.0e-5), repr(1/7), repr(2/3 * 3))
