# set and frozenset method errors and operator type checks
s, f = {1, 2}, frozenset({3})
calls = [lambda: s.add(), lambda: s.discard(), lambda: s.remove(), lambda: s.remove(9), lambda: s.pop(1),
         lambda: set().pop(), lambda: s.copy(1), lambda: f.copy(1), lambda: s.issubset(), lambda: f.isdisjoint(),
         lambda: s.union(1), lambda: s.update(1), lambda: s.difference_update(1), lambda: s.symmetric_difference(),
         lambda: f.symmetric_difference(1, 2), lambda: s | [1], lambda: s & (1,), lambda: s - "a", lambda: s ^ 1,
         lambda: s.add([]), lambda: {[]}, lambda: s.union(x=1), lambda: set.__class_getitem__(), lambda: set(1, 2),
         lambda: frozenset(x=1), lambda: s < [1], lambda: s.__contains__([]), lambda: hash(s)]
for c in calls:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
print(s, f, s | f, f | s, type(f | s).__name__, type(s - f).__name__, f.copy() is f, set(f) == f, frozenset(s) == s)
g = set(range(20))
g -= set(range(0, 20, 2)); print(g)
g &= {1, 3, 5, 40}; print(g)
g ^= {5, 6}; print(g)
g |= {0, 1, 2}; print(g)
