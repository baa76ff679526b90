import gc

gc.collect()
gc.disable()

class A:
    pass

def cycles(n):
    for i in range(n):
        a = A()
        a.self = a

cycles(5)
print("5 self-cycles:", gc.collect())

for i in range(3):
    l = []
    l.append(l)
del l
print("3 list cycles:", gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print("2-list cycle:", gc.collect())

d = {}
d["d"] = d
del d
print("dict cycle:", gc.collect())

print("nothing:", gc.collect())

# Reachable cycles are kept.
keep = []
keep.append(keep)
print("reachable:", gc.collect(), len(keep))

# A cycle through a tuple.
x = []
t = (x,)
x.append(t)
del x, t
print("tuple cycle:", gc.collect())

# Generations.
for g in range(3):
    l = []
    l.append(l)
    del l
    print("gen", g, gc.collect(g))

try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    gc.collect("x")
except TypeError as e:
    print(type(e).__name__, e)
gc.enable()
print(gc.isenabled())
