# format spec errors and edge cases for int/float/str/complex
cases = [(1, "<<"), (1, ".2d"), (1.5, "d"), ("s", "+"), (1, "=s"), (1j, "="), (1j, "0"), (1, "0c"), (256, "c"), (-1, "c"),
         (1.5, ",c"), (1, "_d,"), (1, "100000000000000000000"), (1, ".100000000000000000000f"), (1.0, "#"), (1, "#"), ("", ".0"),
         (0, "#b"), (1, "+c"), (65, "c"), (0x10ffff, "c"), (0x110000, "c"), (1.5, "_"), (10**20, "_o"), (True, "c")]
for value, spec in cases:
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except (ValueError, OverflowError, TypeError) as e:
        print(repr(value), repr(spec), type(e).__name__, e)
