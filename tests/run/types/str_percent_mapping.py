# str % args: which arguments count as a mapping, and when leftover arguments are an error
for fmt, arg in [("abc", [1]), ("abc", {}), ("abc", ()), ("abc", 5), ("abc", "x"), ("abc", b"x"), ("%s", [1]), ("%(a)s", [1]), ("%s %s", [1, 2]),
                 ("%(0)s", {"0": 1}), ("%s", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%%", ()), ("%%", 5), ("%%%s", 5), ("abc", bytearray(b"x")), ("abc", range(3))]:
    try:
        print(repr(fmt), repr(fmt % arg))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
