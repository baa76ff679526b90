import _weakref, gc
class A: pass
a = A()
print(a.__weakref__)
r = _weakref.ref(a)
print(a.__weakref__ is r)
print('__weakref__' in A.__dict__, '__weakref__' in dir(a))
class B:
    def m(self): return 1
b = B()
wm = _weakref.ref(b.m)
print(wm())
print(_weakref.ref(print) is not None)
print(type(r), _weakref.ref, _weakref.ReferenceType is _weakref.ref)
print(repr(_weakref.ref(A)).startswith("<weakref at"))
print(_weakref.ref.__name__, _weakref.ref.__module__, _weakref.ProxyType.__name__)
x = A()
p = _weakref.proxy(x)
print(repr(p).startswith("<weakproxy at"))
print(_weakref.getweakrefs(x) == [p], _weakref.getweakrefcount(x))
print(isinstance(r, _weakref.ref))
try:
    _weakref.ref()
except TypeError as e:
    print(type(e).__name__, e)
try:
    _weakref.ref(a, None, 3)
except TypeError as e:
    print(type(e).__name__, e)
class M(type): pass
class C(metaclass=M): pass
print(_weakref.ref(C)() is C)
print(_weakref.ref[int])
