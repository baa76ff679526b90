# bytes % formatting
print(b"%s %s" % (b"bytes", bytearray(b"ba")), b"%d %5d %-5d| %x %X %o %c %c" % (1, 2, 3, 255, 255, 8, 65, b"z"))
print(b"%r %a" % ("é", "é"), b"%(k)s" % {b"k": b"v"}, b"%.2f %e %g" % (1.5, 2.5, 3.5), b"%%")
print(b"%s" % memoryview(b"mv"), b"%b" % b"b-alias", b"%-6s|" % b"ab", b"%06.2f" % 3.14159)
for fmt, arg in [(b"%s", 5), (b"%s", "str"), (b"%c", "a"), (b"%c", 300), (b"%d", "1"), (b"%(k)s", {"k": 1}), (b"%s %s", (b"a",))]:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(fmt, type(e).__name__, e)
