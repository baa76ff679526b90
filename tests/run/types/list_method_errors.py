# list methods: argument errors name the method as CPython's do
l = [3, 1, 2]
calls = [
    lambda: l.append(), lambda: l.append(1, 2), lambda: l.extend(), lambda: l.insert(1), lambda: l.insert(),
    lambda: l.pop(1, 2), lambda: l.pop("x"), lambda: l.remove(), lambda: l.remove(9), lambda: l.index(),
    lambda: l.index(9), lambda: l.index(1, "a"), lambda: l.count(), lambda: l.clear(1), lambda: l.copy(1),
    lambda: l.reverse(1), lambda: l.sort(1), lambda: l.sort(foo=1), lambda: l.sort(key=None, reverse=1, x=2),
    lambda: l.sort(reverse=None), lambda: l.sort(reverse=2.5), lambda: l.sort(reverse=10**20),
    lambda: l.__reversed__(1), lambda: l.__sizeof__(1), lambda: list.__class_getitem__(),
    lambda: list.append(), lambda: list.append(5, 1), lambda: l.append(x=1), lambda: list(1, 2), lambda: list(x=1),
    lambda: l[1.5], lambda: l["a"], lambda: l.__setitem__(slice(0, 1), 5), lambda: l.__setitem__(slice(0, 3, 2), 5),
    lambda: l.__setitem__(slice(0, 3, 2), [1]), lambda: l[5], lambda: l.__delitem__(7),
]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(l)
print(list.__add__([1], [2]), list.__mul__([1, 2], 2), list.__rmul__([0], 3), [1].__iadd__((2, 3)), [4].__imul__(2))
for f in [lambda: list.__add__([1], (2,)), lambda: [1].__mul__("a"), lambda: list.__add__((1,), [2]), lambda: [].__iadd__(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(type(list.__add__).__name__, repr(list.__add__), repr(list.append), type([].append).__name__)
print(list.append.__qualname__, list.append.__name__, list.append.__objclass__, list.append.__doc__)
