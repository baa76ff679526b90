# str.format: positional, keyword, indexing, attributes, conversions, nesting
print("{} {} {}".format(1, "a", [2]), "{0}{1}{0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0[1]} {0[k]} {1.real} {1.imag}".format({1: "one", "k": "kay"}, 3 + 4j), "{[0]}".format([9]))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("x"), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{{}} {{{}}}".format(5), "{:>{}}".format("r", 4), "{0:{1}}".format(7, "03"))
print("{:,}".format(1234567), "{:_b}".format(1234), "{:^9}".format("mid"), "{:*<6}".format("L"), "{:=+6}".format(5))
class P:
    x = 10
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{0.x} {0:abc} {0:}".format(P()), format(P(), "zz"))
for fmt, args, kw in [("{}", (), {}), ("{1}", ("a",), {}), ("{x}", (), {}), ("{0[5]}", ([1],), {}), ("{0.nope}", (1,), {}),
                      ("{", (), {}), ("}", (), {}), ("{!x}", (1,), {}), ("{} {0}", (1, 2), {}), ("{0} {}", (1, 2), {}),
                      ("{:d}", ("s",), {}), ("{0:{1}{2}}", (1, "<"), {}), ("{a.b}", (), {"a": 1})]:
    try:
        print(repr(fmt.format(*args, **kw)))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{0:%}".format(0.25), "{:.2%}".format(1 / 3), "{:e}".format(12345), "{:x}".format(255), "{:c}".format(9731))
print("{k}".format_map({"k": "mapped"}), "{}".format(None))
try:
    "{:10}|".format(None)
except TypeError as e:
    print("TypeError", e)
class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(Missing(a=1)))
