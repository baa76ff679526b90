# -X dev: the "default" warning option shows DeprecationWarning everywhere.
import sys
print(sys.warnoptions, sys.flags.dev_mode)
import warnings
print([(f[0], f[2].__name__, f[3]) for f in warnings.filters[:2]])
with warnings.catch_warnings(record=True) as w:
    exec("import warnings\nwarnings.warn('lib', DeprecationWarning)", {"__name__": "lib"})
print([str(x.message) for x in w])
