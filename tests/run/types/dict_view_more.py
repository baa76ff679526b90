# dict views: comparisons, isdisjoint, membership of unhashables, len after mutation, reversed views
d = {1: "a", 2: "b", 3: "c"}
k = d.keys()
print(k == {1, 2, 3}, k != {1, 2}, k < {1, 2, 3, 4}, k >= {1}, k.isdisjoint([4, 5]), k.isdisjoint([3]))
print([] in d.values(), ([], 1) in d.items() if False else "skip", "a" in d.values(), (1, "a") in d.items(), (1, "b") in d.items())
try:
    [] in k
except TypeError as e:
    print("TypeError", e)
print(len(k), list(reversed(d.items())), list(reversed(d.values())))
del d[2]
print(len(k), list(k), k & {1, 2}, k | {9}, k - {1}, k ^ {1, 10})
print(type(k & {1}).__name__, {1: 2}.items() & {(1, 2)}, {1: 2}.items() == {(1, 2)}, dict.fromkeys(k, 0))
