# Filters from PYTHONWARNINGS.
import sys
print(sys.warnoptions)
import warnings
print([(f[0], f[2].__name__) for f in warnings.filters[:3]])
try:
    warnings.warn("future", FutureWarning)
except FutureWarning as e:
    print("raised", type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.warn("a user warning")
print(len(w))
