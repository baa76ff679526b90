# Classes made by metaclasses keep their namespace; __prepare__ mappings
# see every class-body store; metaclass __getattr__ falls back properly.
class D(dict):
    def __init__(self):
        super().__init__()
        self.names = []
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            self.names.append(k)
        super().__setitem__(k, v)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
class M(type):
    @classmethod
    def __prepare__(m, n, b, **kw):
        return D()
    def __new__(m, n, b, ns, **kw):
        print("names", ns.names, kw)
        ns['_extra_'] = 1
        return super().__new__(m, n, b, ns)
    def __getattr__(cls, name):
        print("getattr", name)
        raise AttributeError(name)
class A(metaclass=M, flag=1):
    X = 1
    Y = X + 1
    del X
    def f(self): return 3
print(sorted(k for k in A.__dict__ if not k.startswith('__')), A.Y, A._extra_, A().f())
try: A.missing
except AttributeError as e: print("AttributeError", e)
print('__dict__' in M.__dict__, type(A.__dict__).__name__)
import types
class Mod(types.ModuleType): pass
m = Mod("m")
m.x = 5
print(vars(m)["x"], m.__dict__["x"], '__dict__' in Mod.__dict__)
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
print(Color.RED, list(Color), Color(2), Color["GREEN"].value)
class Perm(enum.IntFlag):
    R = 4
    W = 2
print(Perm.R | Perm.W, int(Perm.R | Perm.W))
