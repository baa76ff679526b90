# max() and min(): iterables, varargs, key, default, errors
print(max([3, 1, 2]), min([3, 1, 2]), max(3, 1, 2), min("b", "a"), max("hello"), min((5, 2), (5, 1)), max([1.5, 2, True]))
print(max(["aa", "b", "cc"], key=len), min(["aa", "b", "cc"], key=len), max([], default="empty"), min([], default=None, key=abs))
print(max([-3, 2, 1], key=abs), min([-3, 2, 1], key=abs), max([1, 1.0], key=float), max([(1, "a"), (1, "b")]), min(range(5, 0, -1)))
print(max(x * x for x in range(-5, 3)), max({3: 1, 9: 0}), min({"z", "y"}))
for f in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, "a"), lambda: max([1], 2, default=0), lambda: min([1, 2], foo=1),
          lambda: max(1, 2, key=1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
