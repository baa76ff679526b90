# popitem is LIFO; deletion and reinsertion move keys to the end; equality ignores order
d = {}
for k in "abcde":
    d[k] = ord(k)
print(d.popitem(), d.popitem(), d)
del d["a"]
d["a"] = 0
print(list(d), d == {"a": 0, "b": 98, "c": 99}, list(d) == ["b", "c", "a"])
d["b"] = "updated"
print(list(d.items()))
e = dict(zip(range(10), range(10)))
for k in range(0, 10, 2):
    del e[k]
e[0] = "new"
print(e, next(iter(e)), next(reversed(e)))
