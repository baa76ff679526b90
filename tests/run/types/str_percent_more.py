# % formatting: mapping keys with widths, star widths, flags combinations, non-tuple right operands
print("%(a)5s|%(a)-5s|%(b)05.1f" % {"a": "x", "b": 2.25})
print("%-*s|%*s|" % (6, "left", 6, "right"), "%.*s" % (2, "truncate"), "%#5x|%-#8o|%+05d" % (255, 8, 42))
print("%s" % "plain", "%s" % ("tuple",), "%s" % [1, 2], "%r" % {"k": (1,)}, "%d%%" % 50, "%c%c" % ("a", 98))
print("%5.2s|" % "abc", "%-3c|" % "z", "%3c|" % 65, "%x" % 2**70, "%o" % -64, "%e" % 1e300, "%G" % 1e-20)
print("%i %u %d" % (True, 2.9, -0.5), "%s %s" % (None, ...), "%(x)s %(x)r" % {"x": "é"})
class D(dict):
    def __getitem__(self, k):
        return k.upper()
print("%(anything)s %(else)s" % D())
