# str methods: index arithmetic, Unicode line breaks and cases, padding, subclasses
s = "abcabcab"
for args in [("ab",), ("ab", 1), ("ab", -3), ("ab", 2, 4), ("", 3), ("", 9), ("", 20), ("ab", None, -1), ("x",), ("ab", -100, 100)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args), s.startswith(*args), s.endswith(*args))
print("".count(""), "".find(""), "abc".find("", 4), "abc".rfind(""), "aaa".count("aa"), "a".index("a", -1))
print(s.startswith(("x", "ca"), 2), s.endswith(("ab", "x"), 0, 5), s.startswith((), 0), "ab".startswith("", 3), "ab".startswith("", 2))
text = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(text.splitlines(), text.splitlines(True), "x\n".splitlines(), "\n\n".splitlines(keepends=True), "".splitlines())
print("  a  b  c  ".split(), "  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1), "a,b,,c".split(","), "a,b,,c".rsplit(",", 2))
print("a\u3000b\x1fc\x85d".split(), "abc".split("abc"), "".split(), "".split(","), "a b".split(maxsplit=0), " a b ".rsplit(maxsplit=0))
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".partition(""), lambda: "a".rpartition("")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"), "abc".rpartition("x"))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6)), repr("abc".ljust(2)), repr("x".rjust(4, "é")), repr("a".center(4, "中")))
print("-42".zfill(6), "+42".zfill(2), "42".zfill(-1), "".zfill(3), "-".zfill(3), "é".zfill(3))
print(repr("a\tbc\td\n\tx".expandtabs()), repr("a\tb".expandtabs(0)), repr("a\tb".expandtabs(-1)), repr("ab\r\tc".expandtabs(4)))
print("  xx  ".strip(), "xxaxx".strip("x"), "abcba".lstrip("ab"), "abcba".rstrip("ab"), "\u3000a\x85".strip(), "a".strip(""))
for w in ["hello world", "HELLO", "Hello World", "hello World", "ǅungla", "ß", "ﬁ", "İ", "ŉ", "ΣΑΣ", "aΣ b", "123abc", "a1b2", "ǆ", "", "῾"]:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(),
          w.isupper(), w.islower(), w.istitle())
for w in ["", "abc", "ab1", "½", "٣", "²", "Ⅻ", "a b", " ", "\t\n", "\x1c", "\u200b", "_a1", "1a", "é", "a\u0301", "def", "\U0001d7d8", "\x7f", "\xa0"]:
    print(repr(w), w.isalpha(), w.isalnum(), w.isdecimal(), w.isdigit(), w.isnumeric(), w.isspace(), w.isprintable(),
          w.isidentifier(), w.isascii())
print("abc".removeprefix("ab"), "abc".removeprefix(""), "abc".removesuffix("bc"), "abc".removesuffix(""), "abc".removesuffix("abcd"))
print("x".join([]), "x".join(["a"]), "-".join("abc"), ", ".join(map(str, range(3))), "".join(("a", "b")), "é".join(["中", "a"]))
class S(str):
    pass
t = S("Abc")
for m in ["upper", "lower", "strip", "title", "zfill", "center", "ljust", "replace", "__getitem__", "join", "__str__", "__mod__", "format"]:
    args = {"zfill": (5,), "center": (5,), "ljust": (5,), "replace": ("b", "B"), "__getitem__": (slice(None),), "join": (["x", "y"],),
            "__mod__": ((),), "format": ()}.get(m, ())
    r = getattr(t, m)(*args)
    print(m, type(r).__name__, repr(r))
print(type(t + "x").__name__, type(t * 2).__name__, type(t[0]).__name__, type(str(t)).__name__, type(t.__str__()).__name__)
print("a".__len__(), "abc".__getitem__(-1), "abc".__contains__("bc"), "ab".__eq__(1), "ab".__lt__("b"), "ab".__hash__() == hash("ab"))
print(str.__new__(S, "q"), type(str.__new__(S, "q")).__name__, str(b"abc", "ascii"), str(b"\xff", "utf-8", "replace"), str(errors="strict"))
for x in [1, 1.5, None, [1, "a"], (1,), {"a": 1}, b"b", ..., NotImplemented, 1j, True, object]:
    print(str(x), repr(x))
