# None and wrong-typed arguments to str methods
calls = [lambda: "a".expandtabs(None), lambda: "a".center(3, None), lambda: "a".zfill(None), lambda: "a".replace("a", "b", None),
         lambda: "a".split(None, None), lambda: "a".splitlines(None), lambda: "a".encode(None, None), lambda: "a".encode("utf-8", None),
         lambda: "a".join(None), lambda: "a".join([None]), lambda: "a".join(["a", b"b"]), lambda: "a".find(None), lambda: "a".count("a", "1"),
         lambda: "a".index("a", 0, "x"), lambda: "a".startswith(None), lambda: "a".endswith(("a", None)), lambda: "a".partition(1),
         lambda: "a".rpartition(b"a"), lambda: "a".removeprefix(None), lambda: "a".removesuffix(b""), lambda: "a".translate(None),
         lambda: "a".format_map(None), lambda: "{x}".format_map(None), lambda: "a".__contains__(None), lambda: "a".strip(1), lambda: "a".rstrip(b"a"),
         lambda: "a".ljust(None), lambda: "a".rjust(2, "ab"), lambda: "a".rsplit(sep=None, maxsplit=None), lambda: str.maketrans(None),
         lambda: str.maketrans({None: 1}), lambda: str.maketrans("a", None), lambda: "abc".translate({97: None, 98: "", 99: 0}),
         lambda: "a" % None, lambda: "%s" % None, lambda: "%(a)s" % None, lambda: "%d" % None, lambda: "%c" % None, lambda: "{}".format(None)]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
