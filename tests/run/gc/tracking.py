import gc

class A:
    pass

print(gc.is_tracked(0), gc.is_tracked(1.5), gc.is_tracked("a"), gc.is_tracked(b"x"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(frozenset()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({1: (1, [])}))
print(gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(lambda: 0))
t = tuple([1, 2, "x"])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
t2 = tuple([[], 1])
gc.collect()
print(gc.is_tracked(t2))
nested = tuple([tuple([1, 2]), 3])
gc.collect()
print(gc.is_tracked(nested))
try:
    gc.is_tracked()
except TypeError as e:
    print(type(e).__name__, e)
