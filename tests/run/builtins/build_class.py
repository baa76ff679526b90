# __build_class__ and class creation steps
import builtins
print(callable(builtins.__build_class__), __build_class__ is builtins.__build_class__)
def body():
    x = 1
    def m(self):
        return "m"
    return None
K = __build_class__(body, "K")
print(K.__name__, hasattr(K, "x"), K.__bases__, type(K()).__name__)
K2 = __build_class__(body, "K2", K)
print(K2.__name__, K2.__bases__[0] is K)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Sub(Base, flag=True):
    print("class body runs")
    y = 2
print(Sub.y)
for f in [lambda: __build_class__(), lambda: __build_class__(1, "x"), lambda: __build_class__(body, 1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
class Order:
    b = 1
    a = 2
    def c(self): pass
print([k for k in Order.__dict__ if not k.startswith("__")])
