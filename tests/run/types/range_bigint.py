# ranges whose bounds do not fit in a machine word
big = range(10**20, 10**20 + 50, 7)
print(big, len(big), list(big)[:3], big[-1], big[2:5], big[::-3], 10**20 + 14 in big, 10**20 + 15 in big)
it = iter(big)
print(type(it).__name__, next(it), it.__length_hint__(), list(reversed(big))[:2], type(reversed(big)).__name__)
huge = range(-10**30, 10**30, 10**29)
print(huge[3], huge[-1], huge.index(-7 * 10**29), huge.count(0), huge[1:3], huge[::-5], huge[::10**40])
print(list(range(2**63 - 2, 2**63 + 2)), list(range(-2**63 + 1, -2**63 - 2, -1)))
for f in [lambda: len(huge), lambda: huge[10**30], lambda: big[1.5:], lambda: big[::0], lambda: range(0, 10**30)[10**31],
          lambda: huge.index(1), lambda: big.count(), lambda: range(3).__reversed__(1), lambda: it.__length_hint__(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(range(10**20)[10**19:10**19 + 3], range(5)[::-1], range(0, -10, -3)[::-1], range(2, 2)[::-1])
print(hash(range(10**20, 10**20 + 1)) == hash(range(10**20, 10**20 + 5, 10)), range(10**20) == range(0, 10**20, 1))
