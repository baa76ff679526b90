# importlib.import_module, reload and invalidate_caches over the native import system
import importlib
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(sys.path[0], "DIR"))


show("import_module", lambda: importlib.import_module("keyword").iskeyword("if"))
show("dotted", lambda: importlib.import_module("_ipkg._inner").INNER)
show("relative", lambda: importlib.import_module("._leaf", "_ipkg").LEAF)
show("relative two", lambda: importlib.import_module(".._leaf", "_ipkg._inner").__name__)
show("relative no package", lambda: importlib.import_module(".x"))
show("relative beyond", lambda: importlib.import_module("...x", "_ipkg"))
show("missing", lambda: importlib.import_module("_nothing_here"))
show("missing sub", lambda: importlib.import_module("_ipkg._nothing"))
show("empty", lambda: importlib.import_module(""))
show("bad type", lambda: importlib.import_module(5))
show("same object", lambda: importlib.import_module("_ipkg") is sys.modules["_ipkg"])
show("invalidate_caches", lambda: importlib.invalidate_caches())
import _counter
print("counter", _counter.COUNT)
_counter.EXTRA = "kept"
m = importlib.reload(_counter)
print("reloaded", m is _counter, _counter.COUNT, _counter.EXTRA)
show("reload non-module", lambda: importlib.reload(5))
del sys.modules["_counter"]
show("reload not in sys.modules", lambda: importlib.reload(_counter))
show("reload package submodule", lambda: importlib.reload(sys.modules["_ipkg._leaf"]).LEAF)
show("all", lambda: sorted(importlib.__all__))
