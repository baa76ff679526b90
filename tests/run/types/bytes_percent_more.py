# bytes and bytearray %-formatting: conversions, flags, width/precision, mappings, errors
print(b"%s|%5s|%-5s|%.2s|%*s|%-*s|" % (b"ab", b"ab", b"ab", b"abc", 4, b"x", 3, b"y"))
print(b"%d %i %u %5d %-5d| %05d %+d % d %x %X %#x %#X %o %#o" % (1, -2, 3, 4, 5, -6, 7, 8, 255, 255, 255, 255, 8, 8))
print(b"%c%c%c|%3c|%-3c|" % (65, b"B", bytearray(b"C"), 68, 69), b"%r %a %r" % (b"b'q", "é\n", 1.5), b"%%|%s%%" % b"p")
print(b"%f %.1f %e %.3E %g %G %10.3f|%-10.2f|" % (1.25, 2.25, 12345.678, 0.001, 1e20, 1e-20, 3.14159, 2.5))
print(b"%(a)s-%(b)d-%(a)s" % {b"a": b"A", b"b": 7}, b"%(x)r" % {b"x": [1]}, b"no args" % (), b"%s" % (b"tuple",), b"%s" % [1, 2] if False else b"-")
print(bytearray(b"%s=%d") % (b"k", 1), type(bytearray(b"%s") % b"v").__name__, b"%s %s" % (memoryview(b"m"), bytearray(b"b")), b"%b" % bytearray(b"ba"))
print(b"%d" % True, b"%x" % False, b"%d" % 2**70, b"%x" % -255, b"%.3d" % 5, b"%5.3d|" % -5, b"%d" % 3.99, b"%s" % b"")
class WithBytes:
    def __bytes__(self):
        return b"via __bytes__"
print(b"%s and %b" % (WithBytes(), WithBytes()))
for fmt, arg in [(b"%s", 5), (b"%s", "str"), (b"%b", 1.5), (b"%c", "a"), (b"%c", 256), (b"%c", -1), (b"%c", b"ab"), (b"%c", 1.5),
                 (b"%d", "1"), (b"%d", b"1"), (b"%x", 1.5), (b"%f", "x"), (b"%(k)s", {"k": 1}), (b"%(k)s", (1,)), (b"%s %s", (b"a",)),
                 (b"%s", (b"a", b"b")), (b"%y", 1), (b"%", ()), (b"%(k", {b"k": 1}), (b"%*s", ("x", b"a")), (b"%.*s", (b"x", b"a")),
                 (b"abc", 1), (b"%d %d", (1,))]:
    try:
        print(fmt % arg)
    except Exception as e:
        print(fmt, type(e).__name__, e)
