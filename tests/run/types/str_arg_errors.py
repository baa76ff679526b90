# argument-count and keyword errors of every str method, with CPython's per-method wording
names = sorted(n for n in str.__dict__ if not n.startswith("_") and n != "maketrans")
for name in names:
    m = getattr("abc", name)
    for args, kw in [((), {}), (("a", "b", "c", "d", "e"), {}), (("a",), {"zz": 1})]:
        try:
            r = m(*args, **kw)
            print(name, len(args), "ok", repr(r)[:40])
        except Exception as e:
            print(name, len(args), type(e).__name__, e)
for f in [lambda: str.maketrans(), lambda: str.maketrans(1, 2, 3, 4), lambda: str.maketrans(x=1),
          lambda: "a".__contains__(1),
          lambda: "a".__format__(1), lambda: "a".__format__(), lambda: str.__len__(1),
          lambda: str.upper(1), lambda: str.join(1, []), lambda: str.find(b"a", "a"), lambda: "a".__sizeof__(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
