# set methods (ints print in a deterministic order)
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 not in s, set(), set([1, 1, 2]), set(range(5)), {x % 3 for x in range(10)})
s.add(4); s.add(1); print(s)
s.discard(10); s.discard(4); print(s)
s.remove(3); print(s)
print(s.pop(), s)
s.update([7, 8], (9,)); print(s)
s.clear(); print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union(b, [10]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([5, 6]))
print(a <= b, {3} <= b, {3} < b, b < b, b <= b, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = set(a); c |= {9}; print(c)
c &= {1, 9, 2}; print(c)
c -= {1}; print(c)
c ^= {2, 3}; print(c)
c.intersection_update([3, 9, 11]); print(c)
c.difference_update([9]); print(c)
c.symmetric_difference_update({3, 4}); print(c)
c.update(); print(c, c.copy(), c == {4}, c != {4})
for f in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {[1]}, lambda: set(5), lambda: {1} < [1], lambda: {1} | [1],
          lambda: {1}.add([])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, repr(e))
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted({"b", "a", "c"}), sorted({(1, 2), (0, 1)}), {1, 2} == frozenset([1, 2]), repr(set()), {1.0, 1, True})
