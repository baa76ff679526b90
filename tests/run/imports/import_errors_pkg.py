# error messages of failing imports involving packages
import sys


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except ImportError as e:
        print(label, type(e).__name__, str(e).replace(sys.path[0], "DIR"), e.name, (e.path or "").replace(sys.path[0], "DIR"))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("missing submodule", lambda: __import__("_ipkg._missing"))
attempt("missing name", lambda: exec("from _ipkg import _missing_name"))
attempt("not a package", lambda: __import__("_helper._x"))
attempt("missing top", lambda: __import__("_no_such_mod._x"))
attempt("beyond top level", lambda: __import__("_ipkg._beyond"))
attempt("relative in script", lambda: exec("from . import x", {"__name__": "__main__", "__package__": None}))
attempt("relative no package", lambda: exec("from .x import y", {"__name__": "m"}))
attempt("no __name__", lambda: exec("from . import x", {}))
attempt("circular", lambda: __import__("_ipkg._circ1"))
print("after failures", "_ipkg._circ1" in sys.modules, "_ipkg._circ2" in sys.modules, "_ipkg._beyond" in sys.modules)
attempt("empty name", lambda: __import__(""))
attempt("negative level", lambda: __import__("x", level=-1))
attempt("bad name type", lambda: __import__(5))
sys.modules["_blocked"] = None
attempt("blocked", lambda: __import__("_blocked"))
attempt("star non-str", lambda: exec("from _bad_all import *"))
attempt("from builtin", lambda: exec("from sys import no_such_thing"))
