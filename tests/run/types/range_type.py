# range: len, indexing, slicing, containment, equality, errors
for r in [range(5), range(2, 10), range(10, 2, -3), range(0), range(5, 5), range(-5, 5, 4), range(0, 10**20, 10**19)]:
    print(r, len(r), list(r)[:5], r.start, r.stop, r.step, bool(r))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[100:], list(r[-3:]), 7 in r, 8 in r, 7.0 in r, "x" in r)
print(r.index(11), r.count(11), r.count(12), range(5) == range(0, 5), range(0) == range(2, 2), range(1, 4, 2) == range(1, 5, 2))
print(list(reversed(range(4))), list(reversed(range(1, 10, 3))), sum(range(101)), max(range(7)), list(range(-3)))
for f in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: r[100], lambda: r.index(12), lambda: range(), lambda: range("1"),
          lambda: range(1, 2, 3, 4), lambda: len(range(10**20)), lambda: r[1.0]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
big = range(10**20)
print(big[-1], big[10**19], 10**19 in big, big[::10**19], big.index(5), repr(range(0, -5, -1)))
print(hash(range(3)) == hash(range(0, 3)), range(3).__reversed__().__next__(), range(2, 8, 2).__len__())
