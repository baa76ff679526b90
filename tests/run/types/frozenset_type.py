# frozenset: immutable, hashable
f = frozenset([3, 1, 2, 3])
print(f, len(f), repr(frozenset()), 2 in f, type(f | {9}).__name__, type({9} | f).__name__)
print(f | {5}, f & {1, 9}, f - {1}, f ^ {3, 4}, f.union([7]), f.copy() is f, f.issubset({1, 2, 3, 4}))
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()], hash(f) == hash(frozenset([2, 3, 1])))
print({frozenset([1]), frozenset([1])}, frozenset([1]) == {1}, frozenset("a") == frozenset("a"))
for name in ["add", "remove", "discard", "pop", "clear", "update"]:
    print(name, hasattr(f, name))
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    f |= {8}
    print(f)
except TypeError as e:
    print("TypeError", e)
print(frozenset(range(3)), frozenset({1: 2}), sorted(frozenset(["x", "y"])))
try:
    frozenset([[1]])
except TypeError as e:
    print("TypeError", e)
