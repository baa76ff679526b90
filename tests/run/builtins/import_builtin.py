# __import__ and import of builtin modules
s = __import__("sys")
import sys
print(s is sys, __import__("time").__name__, type(__import__("builtins")).__name__)
import builtins
print(builtins.len is len, builtins.__name__, "print" in dir(builtins))
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
try:
    from sys import no_such_name
except ImportError as e:
    print("ImportError", e)
from sys import maxsize as ms
print(ms == sys.maxsize)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
