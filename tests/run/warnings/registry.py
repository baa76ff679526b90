# __warningregistry__ contents and the version key invalidated by filter changes.
import warnings
import _warnings

warnings.showwarning = lambda m, c, f, l, file=None, line=None: print("show", m, c.__name__, l)

def f(text="t"):
    warnings.warn(text)

def reg():
    r = globals().get("__warningregistry__", {})
    return sorted((repr(k if isinstance(k, str) else (k[0], k[1].__name__) + tuple(k[2:])), v) for k, v in r.items())

print("__warningregistry__" in globals())
warnings.simplefilter("default")
f(); f()
print(reg())
warnings.simplefilter("module")
f(); f(); f("u")
print(reg())
warnings.simplefilter("once")
f(); f("v"); f("v")
print(reg())
print(sorted((k[0], k[1].__name__) for k in warnings.onceregistry))
# _filters_mutated alone clears the registries on the next warning.
warnings.filters.insert(0, ("default", None, UserWarning, None, 0))
f()
print("no mutation signalled:", reg())
_warnings._filters_mutated()
f()
print(reg())
# A registry entry that is false does not count as warned.
g = {"__name__": "mod", "__warningregistry__": {}}
exec("import warnings\nfor i in range(2): warnings.warn('e')", g)
print(sorted(v for k, v in g["__warningregistry__"].items() if k != "version"))
# warn_explicit with registries.
r = {}
for i in range(3):
    warnings.warn_explicit("x", UserWarning, "file.py", 5, registry=r)
print(sorted(str(k) for k in r))
try:
    warnings.warn_explicit("x", UserWarning, "file.py", 5, registry=[])
except TypeError as e:
    print(type(e).__name__, e)
print(type(_warnings.filters).__name__, _warnings._defaultaction, type(_warnings._onceregistry).__name__)
print(warnings.filters is _warnings.filters, warnings.onceregistry is _warnings._onceregistry)
print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
