# int() from strings and other objects
tests = ["0", "-0", "+12", "  42  ", "1_000_000", "0x1F", "ff", "0b101", "0o17", "z", "Z", "09",
         "1__0", "_1", "1_", "", " ", "12.5", "١٢٣", "0_0", "-0x10"]
for base in (10, 16, 0, 2, 8, 36):
    for t in tests:
        try:
            print(base, repr(t), int(t, base))
        except ValueError as e:
            print(base, repr(t), "ValueError", e)
print(int(), int(3.99), int(-3.99), int(True), int(b"12"), int(bytearray(b" 7 ")))
print(int("10", base=3), int("zz", 36), int("0X1f", 0))
for bad in [(37,), (1,), (-1,)]:
    try:
        int("1", *bad)
    except ValueError as e:
        print("ValueError", e)
for bad in [None, [1], "1e3", float("nan"), float("inf")]:
    try:
        int(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError", e)
print(int("  -  5".replace(" ", "")), int("\t\n9\r"))
