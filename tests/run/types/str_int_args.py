# integer arguments of str methods: huge, negative, bool, __index__ objects, floats
class Ix:
    def __index__(self):
        return 3
big = 2**70
calls = [lambda: "a b c".split(None, big), lambda: "a b c".split(maxsplit=-big), lambda: "a b c".rsplit(" ", Ix()),
         lambda: "abc".center(big), lambda: "abc".center(-big), lambda: "abc".ljust(Ix(), "*"), lambda: "abc".rjust(True),
         lambda: "abc".zfill(big), lambda: "abc".zfill(-big), lambda: "a\tb".expandtabs(big), lambda: "a\tb".expandtabs(2**31),
         lambda: "a\tb".expandtabs(-big), lambda: "a\tb".expandtabs(Ix()), lambda: "aaa".replace("a", "b", big), lambda: "aaa".replace("a", "b", -big),
         lambda: "aaa".replace("a", "b", Ix()), lambda: "aaa".replace("a", "b", 1.0), lambda: "abc".find("b", big), lambda: "abc".find("b", -big),
         lambda: "abc".count("", -big, big), lambda: "abc".index("c", Ix()), lambda: "abc".startswith("c", 2.0), lambda: "abc".endswith("b", None, -1),
         lambda: "abc".find("b", None, None), lambda: "a" * big, lambda: "a" * -big, lambda: "a" * Ix(), lambda: "abc"[big], lambda: "abc"[-big],
         lambda: "a".splitlines(big), lambda: "a\n".splitlines(Ix()), lambda: "a\n".splitlines(2.0), lambda: "a".center(2, ""), lambda: "a".center(3, "ab"),
         lambda: "a".center(3, b"x"), lambda: "x".ljust(3, "é"), lambda: "x".zfill(True)]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
