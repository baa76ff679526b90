# dict methods and insertion order
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d), "a" in d, "z" not in d, d["c"])
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); d.update(w=4); print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy(); c["new"] = 1; print(d == c, len(c), c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({1: 2}, k=3), dict(zip("ab", "cd")))
del d["x"]; print(d)
d.clear(); print(d, bool(d))
for f in [lambda: {}["k"], lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {[]: 1}, lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]),
          lambda: {}.update(1), lambda: dict(1), lambda: {"a": 1} < {"a": 1}, lambda: {1: 2}.get()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, repr(e))
x = {1: "a", 1.0: "b", True: "c"}
print(x)
e = {}
e[2] = "two"; e[1] = "one"; del e[2]; e[2] = "TWO"
print(e, list(reversed(e)), list(reversed(e.items())), {k: v for k, v in [(1, 2), (1, 3)]})
print({1: 2} == {1: 2.0}, {1: 2, 3: 4} == {3: 4, 1: 2}, {"a": [1]} != {"a": [2]})
