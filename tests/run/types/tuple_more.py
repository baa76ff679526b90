# tuples: comparisons, hashing, nested, packing, errors in methods
t = (1, (2, 3), [4], "five")
print(t[1][0], t[2].append(5), t, len(t), t.count([4, 5]), t.index("five"), t[1:] + t[:1])
print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "b") < (1, "c"), () == (), (0,) != (), ((1, 2),) == ((1, 2),), (1, 2) <= (1, 2))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash((1, 2)) != hash((2, 1)), {(1, 2): "a"}[(1, 2)])
x = 1, 2, 3
y = ()
z = 5,
print(x, y, z, type(z).__name__, (1) == 1, tuple(x for x in "ab"), tuple({"k": 1}), tuple(range(0)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
for f in [lambda: t.index("zz"), lambda: t.index(1, 1), lambda: t.count(), lambda: (1,) + 1, lambda: (1,) * (1,), lambda: t[10]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(min((3, "a"), (2, "z")), sorted([(2, 1), (1, 2), (1, 1)]), (1, 2) * 2, tuple.__len__((1,)), t.__contains__("five"))
