# dict views: live, set operations, reversed, mapping
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(k, v, i, list(reversed(k)), list(reversed(v)))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"})
print(sorted(i & {("a", 1), ("b", 9)}), sorted(i - {("a", 1)}), k <= {"a", "b", "c", "d", "e"}, k.isdisjoint({"x"}), k > {"a"})
print(sorted({"x": 1}.keys() | ["y"]), d.keys() & d.keys() == set(d), sorted(k & "ab"))
print(k.mapping, type(k).__name__, type(v).__name__, type(i).__name__, v == v, v == d.values())
it = iter(d)
next(it)
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
try:
    {"a": [1]}.items() | {1}
except TypeError as e:
    print("TypeError", e)
try:
    k[0]
except TypeError as e:
    print("TypeError", e)
print(repr({}.keys()), repr({1: [2]}.items()), repr({1: 2}.values()))
