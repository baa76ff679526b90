# sorted(): new list, key, reverse, keyword-only, stability
data = [5, 3, 8, 1]
r = sorted(data)
print(r, data, r is data, sorted(data, reverse=True), sorted("cba"), sorted((3, 1)), sorted({2: 0, 1: 0}), sorted(x for x in [2, 1]))
recs = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: (-r[1], r[0])))
for f in [lambda: sorted(), lambda: sorted([1], lambda x: x), lambda: sorted([1, "a"]), lambda: sorted(5), lambda: sorted([1], key=5)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
