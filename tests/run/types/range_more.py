# range: negative steps, empty ranges, equality semantics, slicing results, iteration
for r in [range(10, 0, -1), range(10, 0, -3), range(0, 10, -1), range(-10, -20, -2), range(5, -5, -5)]:
    print(r, list(r), len(r), r[0] if r else None, r[-1] if r else None)
print(range(0, 3, 2) == range(0, 4, 2), range(0) == range(5, 1), range(1, 2) == range(1, 2, 5), range(3) != range(3))
r = range(100)
print(r[10:20], r[10:20:3], r[::-10], r[-5:], r[50:10:-15], list(r[::-33]))
print(list(range(5))[::-1] == list(reversed(range(5))), sum(range(-5, 6)), list(range(3, 0, -1)), 3 in range(0, 10, 3), -1 in range(5))
print(range(0, 10**30, 7)[12345], range(-10**20, 10**20)[-1], (10**30 - 1) in range(0, 10**30, 3))
it = iter(range(3))
print(type(it).__name__, next(it), list(it))
for bad in [lambda: range(0, 10, 2).index(3), lambda: range(3)[3], lambda: range(3)["0"], lambda: range(1, 1, 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
