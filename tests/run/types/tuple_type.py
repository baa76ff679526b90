# tuple: construction, repr, ops, methods, errors
for t in [(), (1,), (1, 2), tuple("abc"), tuple([1, [2]]), tuple(range(3)), ((),), (None, ..., "s")]:
    print(repr(t), len(t), bool(t))
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t[0], t[-1], t[2:5], t[::-1], t[::3], t.count(1), t.index(4), t.index(1, 2), 9 in t, 7 not in t)
print(t + (0,), (0,) * 3, 2 * (1, 2), t < (3, 2), (1, 2) < (1, 2, 3), (1, "a") == (1, "a"), () < (0,), max(t), sorted(t))
a, *rest = t
print(a, rest, hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), (1, 2).__len__())
for f in [lambda: t[8], lambda: t.index(7), lambda: t + [1], lambda: t.__setitem__(0, 1), lambda: hash(([],)),
          lambda: (1, 2) < (1, "a"), lambda: t * 1.5, lambda: tuple(5), lambda: t["x"]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(tuple.__new__(tuple, [1]), (1, 2, 3)[1:100], (1,) * 0, ((1, 2), (3, 4))[1][0])
x = (1, 2)
y = x
x += (3,)
print(x, y, x is y)
print(repr((1, (2, (3, (4,))))), str(("a", 'b"')), (0.1, -0.0, 1e100))
