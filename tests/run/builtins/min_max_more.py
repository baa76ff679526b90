# min/max: first of equal elements wins, key applied once per element, mixed types
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
calls = []
def key(x):
    calls.append(x)
    return -x
print(max([3, 1, 2], key=key), calls)
print(max("apple", "pear", "fig", key=len), min("apple", "pear", "fig", key=len), max([1, 2.5, True]), min([False, 0, 0.0]))
print(max(range(10), key=lambda x: x % 4), min({"b": 1, "a": 2}), max([[1, 2], [1, 3], [0, 9]]), max("a", "B"))
print(max([], default=0), max([5], default=0), min(iter([4, 2, 8])), max((x for x in []), default="none"))
