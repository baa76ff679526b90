import weakref, gc
class A:
    def __init__(self, n): self.n = n
    def m(self): return self.n
a = A(1); b = A(2)
d = weakref.WeakValueDictionary()
d['a'] = a; d['b'] = b
print(len(d), sorted(d))
del a
print(len(d), sorted(d))
k = weakref.WeakKeyDictionary()
x = A(3)
k[x] = 'x'
print(len(k))
del x
print(len(k))
s = weakref.WeakSet()
y = A(4); s.add(y); print(len(s)); del y; print(len(s))
def cb(): print("finalized")
z = A(5)
f = weakref.finalize(z, cb)
print(f.alive)
del z
print(f.alive)
w = A(6)
wm = weakref.WeakMethod(w.m)
print(wm()())
del w
print(wm())
c = A(7); c.self = c
fc = weakref.finalize(c, print, "cycle finalized")
del c
gc.collect()
print("end")
