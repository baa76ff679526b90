# PEP 442 scenarios after CPython's test_finalization (no other modules).
import gc
import _weakref

del_calls = []
survivors = []
errors = []

class Base:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        del_calls.append(self.name)
        self.side_effect()
    def side_effect(self):
        pass

class Resurrector(Base):
    def side_effect(self):
        survivors.append(self)

def check(label, n):
    print(label, "collected:", n, "del:", sorted(del_calls), "survivors:", sorted(s.name for s in survivors))
    del_calls.clear()

gc.collect()
gc.disable()

# Plain object without cycle: deleted at once.
x = Base("simple")
del x
check("simple", gc.collect())

# Self cycle.
x = Base("selfcycle")
x.ref = x
wr = _weakref.ref(x)
del x
check("selfcycle", gc.collect())
print("weakref dead:", wr() is None)

# Self cycle that resurrects: finalizer runs once, object survives.
x = Resurrector("res")
x.ref = x
wr = _weakref.ref(x)
del x
check("resurrect", gc.collect())
print("weakref cleared:", wr() is None, "is_finalized:", gc.is_finalized(survivors[0]))
survivors.clear()
check("resurrect again", gc.collect())

# Chain of objects in one cycle, all with finalizers.
nodes = [Base("c%d" % i) for i in range(4)]
for i in range(4):
    nodes[i].next = nodes[(i + 1) % 4]
wrs = [_weakref.ref(n) for n in nodes]
del nodes
check("chain", gc.collect())
print("all dead:", all(w() is None for w in wrs))

# Chain where one member resurrects: the whole cycle survives.
nodes = [Base("r0"), Resurrector("r1"), Base("r2")]
for i in range(3):
    nodes[i].next = nodes[(i + 1) % 3]
del nodes
check("partial resurrect", gc.collect())
print("chain alive:", survivors[0].next.name, survivors[0].next.next.name)
survivors.clear()
check("partial resurrect again", gc.collect())

# A finalizer that breaks the cycle itself.
class Breaker(Base):
    def side_effect(self):
        self.ref = None
x = Breaker("breaker")
x.ref = x
del x
check("breaker", gc.collect())

# An object referenced from a cycle but not part of it.
class Holder:
    pass
h = Holder()
h.self = h
h.child = Base("child")
del h
check("hanging", gc.collect())

gc.enable()
