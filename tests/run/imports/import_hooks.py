# sys.meta_path finders written in Python, builtins.__import__ overrides,
# and sys.modules caching
import builtins
import sys

ModuleSpec = type(sys.__spec__)


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.VALUE = "made by " + type(self).__name__ + " for " + module.__name__
        print("  exec_module", module.__name__, module.__spec__.name, module.__loader__ is self)


class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual"):
            return ModuleSpec(name, Loader())
        return None


sys.meta_path.insert(0, Finder())
import virtual_mod
print(virtual_mod.VALUE, virtual_mod.__name__, virtual_mod.__package__)
import virtual_mod as again
print("cached", again is virtual_mod)
del sys.modules["virtual_mod"]
import virtual_mod
print("reimported", virtual_mod is not again)
sys.meta_path.pop(0)

calls = []
real_import = builtins.__import__


def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, tuple(fromlist or ()), level))
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = my_import
import keyword
from _helper import *
builtins.__import__ = real_import
# C code inside CPython also imports through __import__ (e.g. _io): keep ours.
print("calls", [c for c in calls if not c[0].startswith("_io")])


class Replacer:
    pass


import _replaces_itself
print("replaced", type(sys.modules["_replaces_itself"]).__name__, _replaces_itself.__class__.__name__)
print("sys.modules module", sys.modules["keyword"] is keyword)


# a path hook and the path entry finder it makes (called as CPython calls them)
class EntryFinder:
    def __init__(self, entry):
        self.entry = entry

    def find_spec(self, fullname, target):
        print("  entry find_spec", fullname, self.entry.rsplit("!", 1)[-1], target)
        if fullname == "from_hook":
            return ModuleSpec(fullname, Loader())
        return None


def hook(entry):
    if entry.startswith("virtual!"):
        return EntryFinder(entry)
    raise ImportError("not mine")


sys.path_hooks.insert(0, hook)
sys.path.append("virtual!entry")
import from_hook
print(from_hook.VALUE, type(sys.path_importer_cache["virtual!entry"]).__name__)
try:
    import not_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
sys.path.remove("virtual!entry")
sys.path_hooks.remove(hook)


class StrictFinder:
    def find_spec(self, name, path, target):
        return None


sys.meta_path.insert(0, StrictFinder())
import heapq
print("strict finder ok", heapq.__name__)
sys.meta_path.pop(0)
