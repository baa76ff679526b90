# _string, the parser behind string.Formatter (string itself needs re)
import _string

for t in ["a{0}b{x.y[1]!r:>{w}}c{{d}}", "{", "}", "{!}", "{0!x}", "plain", "", "{:}", "{!s}", "{a.b[c]}"]:
    try:
        print(repr(t), list(_string.formatter_parser(t)))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for t in ["x.y[1]", "0.a", "", "12[k][3]", "a[", "a.", "[0]", "9" * 30]:
    try:
        f, it = _string.formatter_field_name_split(t)
        print(repr(t), repr(f), list(it))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for f in [_string.formatter_parser, _string.formatter_field_name_split]:
    try:
        f(1)
    except Exception as e:
        print(type(e).__name__, e)
print(type(_string.formatter_parser("")).__name__, type(_string.formatter_field_name_split("a")[1]).__name__)

