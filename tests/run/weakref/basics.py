import _weakref
import gc

class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "A(%d)" % self.n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, A) and self.n == other.n

a = A(1)
r = _weakref.ref(a)
print(r() is a, r.__callback__)
print(_weakref.ref(a) is r)
print(_weakref.getweakrefcount(a), _weakref.getweakrefs(a) == [r])
print(hash(r) == hash(a))

def cb(ref):
    print("callback; dead:", ref() is None)
r2 = _weakref.ref(a, cb)
print(r2 is r, r2.__callback__ is cb, _weakref.getweakrefcount(a))
print(r == r2)
b = A(1)
rb = _weakref.ref(b)
print(r == rb, r != rb)
print("deleting a")
del a
print("deleted", r(), r2())
print(r == r2, r == r)
print(hash(r) == 1)
c = A(5)
rc = _weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print(type(e).__name__, e)

for bad in [1, "s", (1,), [1], {}, None, 2.5]:
    try:
        _weakref.ref(bad)
    except TypeError as e:
        print(type(e).__name__, e)

class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
try:
    _weakref.ref(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
sw = SlottedWeak()
print(_weakref.ref(sw)() is sw)

def f():
    pass
print(_weakref.ref(f)() is f)
print(_weakref.ref(A)() is A)
s = {1}
print(_weakref.ref(s)() is s)

# The callback is not called when the weakref dies first.
d = A(7)
w = _weakref.ref(d, lambda r: print("never"))
del w
del d
print("no callback")

# Callbacks run in reverse order of registration? (CPython: newest first)
e = A(8)
w1 = _weakref.ref(e, lambda r: print("cb1"))
w2 = _weakref.ref(e, lambda r: print("cb2"))
del e
print("done")

# Subclassing ref.
class MyRef(_weakref.ref):
    __slots__ = ("extra",)
    def __new__(cls, ob, callback, extra):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.extra = extra
        return self
    def __init__(self, ob, callback, extra):
        super().__init__(ob, callback)
h = A(10)
mr = MyRef(h, None, "x")
print(type(mr).__name__, mr() is h, mr.extra, _weakref.getweakrefcount(h))
