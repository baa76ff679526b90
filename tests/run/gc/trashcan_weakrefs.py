# Weak references whose count reaches zero deep inside a long chain of
# deallocations are queued (the "trashcan") rather than freed at once; their
# referent may die before they are freed. Such a dying weak reference must be
# neither revived nor called back (it used to be freed twice).
import weakref
from collections import OrderedDict


class T:
    pass


def chain(make, ref_first, n=1000):
    obj = None
    for _ in range(n):
        t = T()
        obj = [make(t), t, obj] if ref_first else [t, make(t), obj]
    return obj


# Which of the two dies first depends on the container's order of release.
for ref_first in (True, False):
    obj = chain(weakref.proxy, ref_first)
    del obj
    print('proxy chain ok')

    obj = chain(weakref.ref, ref_first)
    del obj
    print('ref chain ok')

    calls = []
    obj = chain(lambda t: weakref.ref(t, calls.append), ref_first)
    del obj
    print('ref with callback chain ok')

calls = []

# A weak reference kept alive elsewhere still reports its referent's death.
kept = []
obj = None
for _ in range(1000):
    t = T()
    r = weakref.ref(t, lambda r: calls.append(1))
    kept.append(r)
    obj = [weakref.proxy(t), t, obj]
del t, r, obj
print('kept refs dead:', sum(r() is None for r in kept), len(calls))

obj = None
for _ in range(1000):
    obj = OrderedDict([(None, obj)])
del obj
print('OrderedDict chain ok')

d = OrderedDict()
for i in range(2000):
    d = OrderedDict([(i, d)])
d = None
print('done')
