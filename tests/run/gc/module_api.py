import gc

print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.garbage, type(gc.callbacks).__name__)

gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

for bad in [3, -2]:
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print(type(e).__name__, e)

marker = ["marker"]
print(any(o is marker for o in gc.get_objects()))

class A:
    pass
a = A()
holder = [a]
print(holder in gc.get_referrers(a))
print(gc.get_referents([1, "x", a]) == [1, "x", a])
print(gc.get_referents(1, "s"))
d = {"k": "v"}
print(sorted(gc.get_referents(d)))

# DEBUG_SAVEALL keeps the garbage in gc.garbage.
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()

# Callbacks.
def cb(phase, info):
    print(phase, sorted(info), info["generation"])
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)

# Freeze.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
