# module objects
import sys
import time
mod = sys.modules[__name__]
print(__name__, type(mod).__name__, mod.__name__, mod is sys.modules["__main__"], __doc__, mod.__doc__)
print(sys.__name__, time.__name__, type(sys).__name__, repr(sys), repr(time) == "<module 'time' (built-in)>" or "time" in repr(time))
print(__file__, __spec__ is None, __package__, "__builtins__" in dir(), __builtins__ is not None)
M = type(sys)
m = M("dyn", "a doc")
print(m.__name__, m.__doc__, repr(m), m.__dict__ == {"__name__": "dyn", "__doc__": "a doc", "__package__": None, "__loader__": None, "__spec__": None})
m.x = 5
print(m.x, sorted(k for k in vars(m) if not k.startswith("__")), hasattr(m, "y"))
try:
    m.y
except AttributeError as e:
    print("AttributeError", e)
try:
    sys.no_such_thing
except AttributeError as e:
    print("AttributeError", e)
del m.x
print(hasattr(m, "x"), M("n").__doc__)
def __getattr__(name):
    return "dyn:" + name
print(mod.whatever)
try:
    M()
except TypeError as e:
    print("TypeError", e)
