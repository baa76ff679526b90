# recursive containers print with ... and compare/len still work
l = [1, 2]
l.append(l)
print(l, len(l), l[2] is l)
d = {"a": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
m = [l, d]
print(m)
a = []
b = [a]
a.append(b)
print(a, b)
print(repr([[]]), repr([[], [[]]]))
