# PEP 442: finalizers of objects in cycles run once; resurrection is safe.
import gc

gc.collect()

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = D("cyc")
a.me = a
del a
print("collect:", gc.collect())

saved = []
class R:
    def __del__(self):
        print("resurrecting")
        saved.append(self)

r = R()
r.me = r
del r
print("collect:", gc.collect())
print("saved:", len(saved), gc.is_finalized(saved[0]))
# The finalizer does not run again.
saved.clear()
print("collect again:", gc.collect())

# Two objects in a cycle, both with finalizers.
x = D("x")
y = D("y")
x.other = y
y.other = x
del x, y
n = gc.collect()
print("pair:", n)

# Resurrection from a non-cyclic dealloc keeps the object.
class S:
    def __del__(self):
        global kept
        kept = self
        print("del S")
s = S()
del s
print(type(kept).__name__, gc.is_finalized(kept))
del kept
print("gone")

class NoDel:
    pass
o = NoDel()
print(gc.is_finalized(o))
