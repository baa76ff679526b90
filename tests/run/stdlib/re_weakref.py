# Patterns accept weak references; matches do not.
import re, weakref, gc
p = re.compile('weak(ref)?')
r = weakref.ref(p)
print(r() is p, weakref.getweakrefcount(p))
d = weakref.WeakValueDictionary()
d['k'] = p
print(d['k'].pattern)
re.purge()
del p
gc.collect()
print(r(), len(d))
try:
    weakref.ref(re.match('a', 'a'))
except TypeError as e:
    print(e)
