# printf-style % formatting of str
print("%s|%5s|%-5s|%.2s|%5.1s|" % ("abc", "ab", "ab", "abc", "xyz"))
print("%d|%5d|%-5d|%05d|%+d|% d|%x|%#X|%o|%#o|%e|%g|%c|%c|%%" % (1, 2, 3, 4, 5, 6, 255, 255, 8, 8, 1.5, 0.0001, 65, "z"))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30}, "%(a)s %(a)r" % {"a": "x"})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"), "%r" % "q", "%a" % "é", "%s" % None, "%i" % 3.9, "%d" % True)
print("%s" % {"k": 1}, "no args" % (), "%%" % ())
print("%x %X %o" % (-255, 10**20, -8), "%#x" % 0, "%.3d" % 7, "%+.3d" % -7, "%-8.3f|" % 2.5, "%u" % 5)
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", (1,)), ("%(k)s", {}), ("%z", 1),
                  ("%", ()), ("%c", "ab"), ("%c", 0x110000), ("%x", 1.5), ("%*d", ("a", 1)), ("%d", None), ("x", 5)]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print("%s and %s" % ("a", "b"), "%-10r|" % "hi", "%10.4f|" % -3.14159265, "%e" % 0, "%g" % 1e20, "%g" % 123456789)
print("%(x)s%%" % {"x": 50}, "%s" % (("t",),), "%r" % ((1, 2),))
