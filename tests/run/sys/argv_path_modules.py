# sys.argv, sys.path, sys.modules basics
import sys
print(sys.argv, type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.path[0].endswith("tests/run/sys"), "sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__, type(sys.modules).__name__)
import time
print(sys.modules["time"] is time, sys.builtin_module_names.__class__.__name__, "sys" in sys.builtin_module_names)
