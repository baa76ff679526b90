# TypeError messages of unsupported operations
ops = [lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (1,), lambda: {} + {}, lambda: 1 - "a", lambda: "a" * 1.5, lambda: [] * [],
       lambda: 1 @ 2, lambda: -"a", lambda: ~1.5, lambda: +[], lambda: 1 < "a", lambda: [] > {}, lambda: None >= None,
       lambda: 1 ** "a", lambda: "a" // 2, lambda: {1} + {2}, lambda: 1 & 1.5, lambda: 1 << 1.0, lambda: b"a" + "a",
       lambda: "a" in 1, lambda: 1 in "a", lambda: len(5), lambda: 5(), lambda: "a"(), lambda: (1)[0], lambda: {}[[]],
       lambda: 1 .x, lambda: "s".y, lambda: None.z, lambda: divmod("a", 1), lambda: abs("a"), lambda: [][None]]
for i, op in enumerate(ops):
    try:
        op()
    except Exception as e:
        print(i, type(e).__name__, e)
x = 5
try:
    x += "s"
except TypeError as e:
    print("aug", e)
l = [1]
try:
    l -= [1]
except TypeError as e:
    print("aug", e)
