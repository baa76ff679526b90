# Weak references to garbage cycles are cleared and their callbacks run.
import _weakref
import gc

gc.collect()

class A:
    pass

a = A()
a.self = a
def cb(r):
    print("callback", r() is None)
r = _weakref.ref(a, cb)
del a
print("before collect", r() is not None)
print("collected", gc.collect())
print(r())

# A weakref that is itself part of the garbage does not call back.
b = A()
b.self = b
b.wr = _weakref.ref(b, lambda r: print("never"))
del b
print("collected", gc.collect())

# __del__ and weakref callback order for a cycle.
class D:
    def __del__(self):
        print("del D")
d = D()
d.self = d
rd = _weakref.ref(d, lambda r: print("callback D"))
del d
print("collected", gc.collect())
