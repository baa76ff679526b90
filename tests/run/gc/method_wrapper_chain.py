# A million nested method-wrappers (f.__call__.__call__...) are freed without
# native recursion (CPython's SF bug 927248).
f = lambda: None
for i in range(1000000):
    f = f.__call__
print(type(f).__name__)
f = None
import gc
print(gc.is_tracked((lambda: None).__call__))
