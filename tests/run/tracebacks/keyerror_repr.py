d = {"a": 1}
key = "multi\nline"
print(d["a"])
d[key]
