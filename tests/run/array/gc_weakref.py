# Weak references to arrays and collection of cycles through array subclasses and iterators.
import array, gc, weakref
class A(array.array): pass
a = A('i', [1]); a.me = a
r = weakref.ref(a); del a
print(gc.collect() >= 1, r())
it = iter(array.array('i', [1, 2]))
l = [it]; l.append(l)
del l, it
gc.collect()
m = memoryview(array.array('b', [1]))
del m
print('ok')
