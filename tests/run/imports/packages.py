# packages, submodules, relative imports and module attributes
import sys

import _ipkg
print("pkg", _ipkg.__name__, _ipkg.__package__, _ipkg.PKG_VALUE, _ipkg.LEAF_ALIAS)
print("spec", type(_ipkg.__spec__).__name__, _ipkg.__spec__.name, _ipkg.__spec__.parent, _ipkg.__spec__.origin == _ipkg.__file__)
print("path", [p.replace("\\", "/").rsplit("/", 1)[-1] for p in _ipkg.__path__])
print("file", _ipkg.__file__.replace("\\", "/").rsplit("/", 2)[-2:])
print("leaf", _ipkg._leaf.__name__, _ipkg._leaf.__package__, _ipkg._leaf.__spec__.parent, hasattr(_ipkg._leaf, "__path__"))
print("cached", _ipkg._leaf.__cached__ is None or _ipkg._leaf.__cached__.endswith(".pyc"))
print("in sys.modules", "_ipkg" in sys.modules, "_ipkg._leaf" in sys.modules, "_ipkg._lazy" in sys.modules)

import _ipkg._inner
print("inner", _ipkg._inner.INNER)
print("deep", _ipkg._inner._deep.DEEP)

import _ipkg._inner._deep as deep_alias
print("as", deep_alias is sys.modules["_ipkg._inner._deep"], deep_alias.__name__)

from _ipkg import _lazy
print("from submodule", _lazy.LAZY, _ipkg._lazy is _lazy)

from _ipkg._inner import _deep, INNER
print("from subpackage", _deep.__name__, INNER[2])

m = __import__("_ipkg._inner._deep")
print("__import__ top", m.__name__)
m = __import__("_ipkg._inner._deep", fromlist=["DEEP"])
print("__import__ fromlist", m.__name__)
m = __import__("_leaf", globals={"__package__": "_ipkg", "__name__": "_ipkg.x"}, level=1)
print("__import__ level 1", m.__name__)

import _nspkg._nsmod
print("namespace", _nspkg.__name__, _nspkg.__package__, hasattr(_nspkg, "__file__"), _nspkg.__spec__.origin)
print("namespace path", [p.replace("\\", "/").rsplit("/", 1)[-1] for p in _nspkg.__path__])
print("namespace module", _nspkg._nsmod.NS)
print("namespace path type", type(_nspkg.__path__).__name__, len(_nspkg.__path__), repr(_nspkg.__path__).startswith("_NamespacePath(["))
print("namespace spec", repr(_nspkg.__spec__).split(", loader")[0], _nspkg.__spec__.parent)
print("main", __name__, __package__, __spec__)
print("builtin spec", sys.__spec__.name, sys.__spec__.origin, sys.__loader__.__name__, type(sys.__spec__) is type(_ipkg.__spec__))
import itertools
print("builtin module", itertools.__spec__.origin, itertools.__loader__.__name__, itertools.__package__)
names = [getattr(f, "__name__", None) for f in sys.meta_path]
print("meta_path", [n for n in names if n in ("BuiltinImporter", "PathFinder")])
print("hooks", len(sys.path_hooks) >= 1, type(sys.path_importer_cache).__name__)
