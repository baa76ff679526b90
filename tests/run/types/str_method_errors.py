# wrong argument types and counts for str methods
calls = [lambda: "a".center(), lambda: "a".center("5"), lambda: "a".center(5, 1), lambda: "a".count(1), lambda: "a".endswith(1),
         lambda: "a".expandtabs("4"), lambda: "a".find(), lambda: "a".join(5), lambda: "a".ljust(2.5), lambda: "a".lstrip(1),
         lambda: "a".partition(None), lambda: "a".replace("a"), lambda: "a".replace(1, "b"), lambda: "a".split(maxsplit="1"),
         lambda: "a".splitlines("x"), lambda: "a".zfill("3"), lambda: "a".index("b"), lambda: "a".rindex("b"), lambda: "a".encode(None),
         lambda: "{0}".format(), lambda: "a".removeprefix(1), lambda: "a".startswith(("a", 1)), lambda: "a".upper(1), lambda: "a"[float("1.5")],
         lambda: "a".rsplit(1), lambda: "a".title(x=1), lambda: "%s %s" % "a", lambda: "a" % 5, lambda: "".join([1]), lambda: "a".translate(5)]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
