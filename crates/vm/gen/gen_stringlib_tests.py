"""Generate src/stringlib/testdata/methods.txt: str method results from this python3
(CPython 3.11), which the stringlib unit tests replay against StrData.

One case a line, tab-separated: method, arguments..., "=>", expected result.
Values: s:<hex code points joined by '.'> (a str), i:<int>, n (None), b:0/b:1,
L<count>:<strs joined by ','> (a list or tuple of str), e:<exception class name>.

Run: python3 crates/vm/gen/gen_stringlib_tests.py   (from any directory)
"""
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "generate from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "stringlib", "testdata", "methods.txt")


def enc(v):
    if v is None:
        return "n"
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, str):
        return "s:" + ".".join("%X" % ord(c) for c in v)
    if isinstance(v, (list, tuple)):
        return "L%d:" % len(v) + ",".join(enc(x)[2:] for x in v)
    raise TypeError(v)


lines = []


def case(name, fn, *args):
    try:
        r = fn(*args)
    except Exception as e:  # noqa: BLE001 - the exception class is the expected result
        r = e
    res = "e:" + type(r).__name__ if isinstance(r, Exception) else enc(r)
    lines.append("\t".join([name] + [enc(a) for a in args] + ["=>", res]))


HAY = ["", "a", "abcabc", "aaaa", "ab\u00e9ab\u00e9", "\u20acx\u20acx\u20ac",
       "\U0001F600a\U0001F600", "\ud800a\udc00\ud800", "a\u0100a\u0100\u0100b",
       "\u0161\u0101\u0161"]
NEEDLE = ["", "a", "ab", "aa", "\u00e9", "\u00e9ab", "x\u20ac", "\U0001F600",
          "a\udc00", "\u0100\u0100", "b\u0100", "\u0161\u0101"]
BOUNDS = [(None, None), (1, None), (None, -1), (-2, 4), (5, 1), (10, None), (-100, 3)]

for h in HAY:
    for n in NEEDLE:
        for st, en in BOUNDS:
            case("find", lambda h, n, a, b: h.find(n, a, b), h, n, st, en)
            case("rfind", lambda h, n, a, b: h.rfind(n, a, b), h, n, st, en)
            case("count", lambda h, n, a, b: h.count(n, a, b), h, n, st, en)
            case("startswith", lambda h, n, a, b: h.startswith(n, a, b), h, n, st, en)
            case("endswith", lambda h, n, a, b: h.endswith(n, a, b), h, n, st, en)
        for cnt in (-1, 1):
            for new in ("", "\u20ac-", "\U0001F600"):
                case("replace", lambda h, n, new, c: h.replace(n, new, c), h, n, new, cnt)
        for ms in (-1, 1):
            case("split", lambda h, n, m: h.split(n, m), h, n, ms)
            case("rsplit", lambda h, n, m: h.rsplit(n, m), h, n, ms)
        case("partition", lambda h, n: h.partition(n), h, n)
        case("rpartition", lambda h, n: h.rpartition(n), h, n)
        case("strip", lambda h, n: h.strip(n), h, n)
        case("lstrip", lambda h, n: h.lstrip(n), h, n)
        case("rstrip", lambda h, n: h.rstrip(n), h, n)

WS = ["", " ", "  a  b  ", "a b c", "\t a\u3000b\x1c\x1dc\u2028 ", "\u00a0x\u0085y\u00a0",
      "\U0001F600 \U0001F600", "a\u200bb", " \ud800 "]
for h in WS:
    for ms in (-1, 0, 1, 2, 5):
        case("split", lambda h, n, m: h.split(n, m), h, None, ms)
        case("rsplit", lambda h, n, m: h.rsplit(n, m), h, None, ms)
    case("strip", lambda h, n: h.strip(n), h, None)
    case("lstrip", lambda h, n: h.lstrip(n), h, None)
    case("rstrip", lambda h, n: h.rstrip(n), h, None)

LINES = ["", "a", "a\n", "a\nb", "a\r\nb\rc\n\nd", "\r\r\n\n", "x\x0by\x0cz\x1c1\x1d2\x1e3\x854\u20285\u20296",
         "a\x1fb", "\U0001F600\n\ud800\r"]
for h in LINES:
    for ke in (False, True):
        case("splitlines", lambda h, k: h.splitlines(k), h, ke)

for h in ["", "a", "ab", "abc", "\u00e9\u00e9", "-1", "+\u20ac", "\U0001F600"]:
    for w in (-1, 0, 1, 2, 3, 4, 5, 6, 7):
        for fill in (" ", "\u00e9", "\U0001F601"):
            case("center", lambda h, w, f: h.center(w, f), h, w, fill)
            case("ljust", lambda h, w, f: h.ljust(w, f), h, w, fill)
            case("rjust", lambda h, w, f: h.rjust(w, f), h, w, fill)
        case("zfill", lambda h, w: h.zfill(w), h, w)

for h in ["", "\t", "a\tb", "abcdefgh\tx", "\ta\tbc\tdef\tg", "a\r\tb\n\tc", "\u20ac\t\U0001F600\t\ud800"]:
    for ts in (-1, 0, 1, 2, 3, 4, 8):
        case("expandtabs", lambda h, t: h.expandtabs(t), h, ts)

REPRS = ["", "abc", "'", '"', "'\"", "a'b", "\\", "\x00\x1f\x7f\x80\x9f\xa0\xad\xff", "\u0100\u0378\u2028\ufeff\uffff",
         "\U0001F600\U000E0001\U0010FFFF", "\ud800\udbff\udc00\udfff", "\t\n\r", "\u00e9t\u00e9", "\u3000\u200b"]
for h in REPRS:
    case("repr", repr, h)
    case("ascii", ascii, h)

CASED = ["", "hello WORLD", "hELLO wORLD", "Hello World", "Hello world", "ǅemal ǈubljana", "ǆ ǉ ǌ",
         "ΣΑΣ ΣΑΣ. ὈΔΥΣΣΕΎΣ", "aΣ", "aΣ\u0301", "aΣ\u0301b", "a\u0301Σ", "Σa", ".Σ.", "aΣ.Σb",
         "a\u02b0Σ", "\u02b0Σ", "1Σ", "aΣ\u1d2c", "ß\ufb01\ufb03\u0149", "\u0130i\u0131I",
         "ﬀ ﬁ ﬂ", "x\U00010428\U00010400y", "ᾳ ᾼ ῌ", "abc123def", "they're bill's", "a\ud800b",
         "\u1e9e\u00df", "\u2160\u2170 \u24b6\u24d0", "_ab1", "1ab", "a b", "\u0660\u00b2\u00bd",
         "\u3000 \t", "\x1f", "\xa0\xad", "αβγ", "ΑΒΓ", "Ǆ", "ǅ", "\u1fbc\u1f88"]
for h in CASED:
    for m in ("upper", "lower", "casefold", "title", "capitalize", "swapcase", "islower", "isupper",
              "istitle", "isidentifier", "isspace", "isalnum", "isalpha", "isdecimal", "isdigit",
              "isnumeric", "isprintable", "isascii"):
        case(m, lambda h, m=m: getattr(h, m)(), h)

# Random cases over an alphabet of awkward characters (fixed seed, so the file is stable).
random.seed(393)
ALPHABET = ["a", "b", " ", "\t", "\n", "\r", "\u00e9", "\u20ac", "\U0001F600", "\ud800", "\u03a3", "\u00df",
            "\u2028", "\x85", "\u3000", "\u0130", "\u01c6", "1", "\u0663", "'", "\u0301"]
OPS = ["find", "rfind", "count", "startswith", "endswith", "replace", "split", "rsplit", "splitlines",
       "strip", "partition", "rpartition", "title", "lower", "upper", "swapcase", "capitalize", "casefold",
       "istitle", "islower", "isupper", "expandtabs", "center", "zfill"]


def rand_str(n):
    return "".join(random.choice(ALPHABET) for _ in range(random.randint(0, n)))


def rand_bound():
    return random.choice([None, random.randint(-15, 15)])


for _ in range(1000):
    h, n = rand_str(12), rand_str(3)
    op = random.choice(OPS)
    if op in ("find", "rfind", "count", "startswith", "endswith"):
        case(op, lambda h, n, a, b, op=op: getattr(h, op)(n, a, b), h, n, rand_bound(), rand_bound())
    elif op == "replace":
        case(op, lambda h, n, m, c: h.replace(n, m, c), h, n, rand_str(2), random.randint(-1, 3))
    elif op in ("split", "rsplit"):
        sep = random.choice([None, n])
        case(op, lambda h, n, m, op=op: getattr(h, op)(n, m), h, sep, random.randint(-1, 3))
    elif op == "splitlines":
        case(op, lambda h, k: h.splitlines(k), h, random.choice([True, False]))
    elif op == "strip":
        case(op, lambda h, n: h.strip(n), h, random.choice([None, n]))
    elif op in ("partition", "rpartition"):
        case(op, lambda h, n, op=op: getattr(h, op)(n), h, n)
    elif op == "expandtabs":
        case(op, lambda h, t: h.expandtabs(t), h, random.randint(-1, 5))
    elif op == "center":
        case(op, lambda h, w, f: h.center(w, f), h, random.randint(-1, 20), random.choice(ALPHABET))
    elif op == "zfill":
        case(op, lambda h, w: h.zfill(w), random.choice(["+", "-", ""]) + h, random.randint(-1, 20))
    else:
        case(op, lambda h, op=op: getattr(h, op)(), h)

with open(OUT, "w", encoding="ascii") as fh:
    fh.write("\n".join(lines) + "\n")
print(len(lines), "cases")
