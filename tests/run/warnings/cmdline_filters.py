# Filters from -W options: applied by warnings.py, imported at start-up.
import sys
print(sys.warnoptions)
print("warnings" in sys.modules)
import warnings
for f in warnings.filters[:4]:
    print(f[0], f[1], f[2].__name__, f[3], f[4])
def f():
    warnings.warn("user", UserWarning)
try:
    f()
except UserWarning as e:
    print("raised", e)
with warnings.catch_warnings(record=True) as w:
    warnings.warn("dep", DeprecationWarning)
    warnings.warn("rt", RuntimeWarning)
print([(x.category.__name__, str(x.message)) for x in w])
warnings.warn("ignored rt", RuntimeWarning)
print("done")
