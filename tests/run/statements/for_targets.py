# for-loop targets: attributes, subscripts, nested unpacking, starred
class O:
    pass
o = O()
for o.attr in range(3):
    pass
print(o.attr)
d = {}
for d["k"] in "xyz":
    pass
print(d)
l = [0, 0]
for l[0], l[1] in [(1, 2), (3, 4)]:
    pass
print(l)
for i, (a, *b) in enumerate(["abc", "de"]):
    print(i, a, b)
for x, in [(1,), (2,)]:
    print("x", x)
for [p, q] in [[1, 2]]:
    print(p, q)
try:
    for a, b in [(1, 2, 3)]:
        pass
except ValueError as e:
    print("ValueError", e)
