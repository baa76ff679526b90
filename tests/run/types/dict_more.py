# dicts: key kinds, equality of numeric keys, nested, comprehensions, get vs [] , fromkeys sharing
d = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", frozenset([1]): "fs", True: "true?", b"b": "bytes"}
print(d, len(d), d[1], d[1.0], d[(1, 2)], d[frozenset({1})])
shared = dict.fromkeys(["a", "b"], [])
shared["a"].append(1)
print(shared)
sq = {n: n * n for n in range(6) if n % 2}
print(sq, {v: k for k, v in sq.items()}, dict(sorted({"b": 1, "a": 2}.items())))
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"], nested.get("outer", {}).get("missing", "dflt"))
d2 = {}
for word in "the cat and the hat and the bat".split():
    d2[word] = d2.get(word, 0) + 1
print(d2, max(d2, key=d2.get), sorted(d2.items(), key=lambda kv: (-kv[1], kv[0])))
d3 = {"a": 1}
d3.setdefault("list", []).append("x")
d3.setdefault("list", []).append("y")
print(d3, d3.pop("a"), "a" in d3, list(d3.items()), dict(d3, extra=1), {**d3, **{"list": None}})
print(dict([("a", 1), ["b", 2], "cd"]), dict(a=1) == {"a": 1}, {1: 1} == {1.0: 1.0}, {"a": 1}.keys() == {"a"})
try:
    dict([("a", 1), "xyz"])
except ValueError as e:
    print("ValueError", e)
