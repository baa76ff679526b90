# lists: identity vs equality in membership, nan, nested mutation, comparison errors, builtins on lists
nan = float("nan")
l = [nan, 1]
print(nan in l, l.count(nan), l.index(nan), [nan] == [nan], [float("nan")] == [float("nan")])
a = [[0] * 2] * 2
a[0][0] = 1
print(a)
b = [[0] * 2 for _ in range(2)]
b[0][0] = 1
print(b)
c = [3, 1, 2]
print(sorted(c), c, c.sort(), c, list(reversed(c)), c[::-1] == list(reversed(c)), len(c), sum(c), min(c), max(c))
print([1, 2, 3] > [1, 2], [1, 2] < [1, 3, 0], [] < [[]], [1, [2]] == [1, [2]], [0] * 3 + [1] * 2, [i for i in "ab"] * 2)
for f in [lambda: [1] < ["a"], lambda: [1, 2] + 3, lambda: [] * [], lambda: list(5), lambda: [].sort(reverse=None),
          lambda: [3, 1].sort(key=None, reverse=1, extra=2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = list(range(10))
d[2:8:2] = "abc"
print(d, d.index("b"), d.pop(d.index("c")), d)
e = [1, 2, 3]
e[len(e):] = [4, 5]
e[:0] = [0]
print(e, e.__len__(), e.__getitem__(slice(1, 3)), e.__contains__(5), list.__add__([1], [2]))
