# set operators on dict views (either side), their result order, and mapping proxies
d = {k: k * 10 for k in [5, 3, 9, 1, 7]}
e = {3: 0, 4: 0, 5: 0}
k = d.keys()
print(k | e.keys(), k & e.keys(), k - e.keys(), k ^ e.keys(), e.keys() - k, e.keys() ^ k)
print(k | [11, 3], [11, 3] | k, k & [1, 2, 3], [1, 2, 3] & k, k - {9}, {9, 100} - k, k ^ (1, 2), (1, 2) ^ k)
print({1, 3, 8} & k, k & {1, 3, 8, 20, 21, 22, 23}, {9} | k, type(k & k).__name__, k.isdisjoint([2, 4]), k.isdisjoint([1]))
i = d.items()
print(i & {(5, 50), (3, 0)}, i - {(5, 50)}, i | {(0, 0)}, {(1, 10)} ^ i)
print(1 in d.values(), 50 in d.values(), [] in d.values(), hasattr(d.values(), "__contains__"), hasattr(k, "__contains__"))
for f in [lambda: k | 1, lambda: k - 1, lambda: k & 1, lambda: d.values() | {1}, lambda: k.isdisjoint(), lambda: i.isdisjoint(1),
          lambda: [] in k, lambda: k < 1]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(k.mapping, type(k.mapping).__name__, k.mapping[9], d.values().mapping == d, i.mapping.get(1), str(i.mapping), repr(i.mapping))
MP = type(type.__dict__)
mp = MP({"a": 1, "b": 2})
print(mp, len(mp), list(mp), "a" in mp, mp | {"c": 3}, {"z": 0} | mp, list(reversed(mp)), mp.copy(), MP[int])
for f in [lambda: MP(1), lambda: MP([1, 2]), lambda: MP(), lambda: mp.__setitem__("a", 2), lambda: mp.pop("a")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    mp |= {"x": 1}
except TypeError as e:
    print("TypeError", e)
