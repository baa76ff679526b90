import _weakref
import gc
gc.collect()
def mk():
    class C:
        pass
    return None
mk()
print(gc.collect())
def mk2():
    class C:
        def m(self): pass
    C().x = 1
mk2()
print(gc.collect())
def gen():
    yield 1
g = gen(); g.__next__
del g
print(gc.collect())
a = [1]; b = {"a": a}; a.append(b); del a, b
print(gc.collect())
s = set(); 
class H:
    pass
h = H(); h.s = s; s.add(h) if False else None
gc.collect()
def mk():
    class C:
        __slots__ = ("a",)
    return _weakref.ref(C)
r = mk()
print(r() is not None)
gc.collect()
print(r())
