import math, sys
def f(x): return math.sqrt(x) + math.pi
print(f(4.0), f(9.0))
math.pi = 3
print(f(4.0))
del math.pi
try: f(1.0)
except AttributeError as e: print(e)
import types
m = types.ModuleType("m")
def g(): return m.x
m.__getattr__ = lambda n: "dyn " + n
print(g()); m.x = 1; print(g())
print(m.__dict__ is vars(m), m.__class__.__name__)
def h(mod): return mod.__name__, mod.__doc__
print(h(m), h(math)[0])
class MM(types.ModuleType): pass
mm = MM("mm"); mm.x = 7
print(g.__name__, (lambda: mm.x)())
