# the int_max_str_digits limit on every int -> decimal text path, and on parsing
import sys
big = 10 ** 5000
for f in [lambda: str(big), lambda: repr(-big), lambda: format(big, "d"), lambda: format(big, ","), lambda: format(big, ""),
          lambda: f"{big}", lambda: "%d" % big, lambda: "%s" % big, lambda: "%x" % big and "hex ok", lambda: len(format(big, "x")),
          lambda: len(hex(big)), lambda: len(bin(big)), lambda: len(oct(big)), lambda: str(float(10**300))[:5],
          lambda: int("1" * 4301), lambda: int("1" * 4300) > 0, lambda: int("-" + "1" * 4301), lambda: int("1" * 5000, 16) > 0,
          lambda: int("1" * 5000, 8) > 0, lambda: int("1" * 5000, 7), lambda: int(b"2" * 4301), lambda: int("0" * 5000),
          lambda: int("_".join("1" * 4301)), lambda: int(" " * 10 + "1" * 4300 + " " * 10) > 0]:
    try:
        r = f()
        print(r if not isinstance(r, str) or len(r) < 50 else len(r))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(5000)
print(len(str(big - 1)), len(str(big)) if False else "")
for n in [-1, 1, 639, "x", 5.0, 2**70]:
    try:
        sys.set_int_max_str_digits(n)
        print(sys.get_int_max_str_digits())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10 ** 10000)), sys.get_int_max_str_digits())
for f in [lambda: sys.get_int_max_str_digits(1), lambda: sys.set_int_max_str_digits(), lambda: sys.set_int_max_str_digits(1000, 2),
          lambda: sys.set_int_max_str_digits(x=1), lambda: sys.set_int_max_str_digits(maxdigits=1000), lambda: sys.get_int_max_str_digits()]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
