# dir() of modules: the namespace, or the module's own __dir__ function
import sys, _helper
print(dir(_helper))
print([n for n in dir(sys) if n in ("path", "argv", "__name__", "__class__")])
m = type(sys)("fresh")
print(dir(m))
m.__dir__ = lambda: ["custom"]
print(dir(m))
def __dir__():
    return ["z", "y"]
_helper.__dir__ = __dir__
print(dir(_helper))
m2 = type(sys)("bad")
