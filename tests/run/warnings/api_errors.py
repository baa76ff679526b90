# _warnings argument checking and error messages.
import _warnings
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: _warnings.warn("x", stacklevel=2**70))
t(lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 1.5))
t(lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 2**40))
t(lambda: _warnings.warn_explicit())
t(lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 1, 2, 3, 4, 5, 6))
t(lambda: _warnings._filters_mutated(1))
t(lambda: _warnings.warn("x", UserWarning, 1, None, 5))
t(lambda: _warnings.warn(message="kw", foo=1))
t(lambda: _warnings.warn_explicit("x", int, "f.py", 1))
t(lambda: _warnings.warn_explicit("x", None, "f.py", 1))
t(lambda: _warnings.warn_explicit(UserWarning("inst"), None, "f.py", 1, module=None))
t(lambda: _warnings.warn_explicit(123, UserWarning, "f.py", 1))
print(_warnings.__doc__)
print(sorted(n for n in dir(_warnings) if not n.startswith("__")))
print(_warnings.warn.__name__, _warnings.warn.__module__)
import warnings
t(lambda: setattr(warnings, "filters", ()) or _warnings.warn("x"))
warnings.filters = []
t(lambda: setattr(warnings, "onceregistry", []) or warnings.simplefilter("once") or _warnings.warn("y"))
warnings.onceregistry = {}
t(lambda: setattr(warnings, "defaultaction", 1) or warnings.resetwarnings() or _warnings.warn("z"))
warnings.defaultaction = "default"
warnings.resetwarnings()
import re
warnings.filters.insert(0, ("error", re.compile("num"), Warning, None, 0))
t(lambda: _warnings.warn(5))
warnings.filters[0] = ("error", None, Warning, None, "1")
t(lambda: _warnings.warn("w"))
warnings.filters[0] = ("error", None, 7, None, 0)
t(lambda: _warnings.warn("w"))
# A filter whose match() changes the filter list while it is searched.
class Sneaky:
    def match(self, text):
        warnings.filters.clear()
        return False
warnings.filters[:] = [("error", Sneaky(), Warning, None, 0), ("error", None, Warning, None, 0)]
t(lambda: _warnings.warn("after clear"))
class Dropper:
    def __del__(self):
        _warnings.warn("from __del__")
warnings.filters = [("ignore", None, Warning, None, 0), Dropper()]
warnings.filters = [("ignore", None, Warning, None, 0)]
t(lambda: _warnings.warn("replaced"))
t(lambda: _warnings.warn("again"))
print("end")
