# type: type(x), type(name, bases, dict), attributes, errors
print(type(1), type("s"), type(type), type(None), type(len), type(lambda: 0).__name__, type(type(1)) is type)
print(type.__name__, type.__mro__, int.__mro__, bool.__bases__, type(int).__name__, int.__module__, int.__qualname__)
T = type("T", (object,), {"x": 1, "m": lambda self: self.x + 1})
t = T()
print(T.__name__, T.__qualname__, T.__bases__, t.x, t.m(), isinstance(t, T), T.__module__, repr(T))
U = type("U", (T,), {})
print(U.__mro__ == (U, T, object), U().m(), issubclass(U, T), U.__base__ is T)
for f in [lambda: type("X", (1,), {}), lambda: type("X", (), 1), lambda: type(1, 2, 3), lambda: type(), lambda: type("a", "b"),
          lambda: type("X", (int, str), {}), lambda: int.x, lambda: setattr(int, "x", 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(int.__dict__["__add__"].__name__, "__dict__" in type.__dict__, type.__dict__["__name__"].__class__.__name__)
print(int.__subclasses__().__class__.__name__, T.__subclasses__() == [U], type.__instancecheck__(int, 1), type.__subclasscheck__(int, bool))
T.y = 5
print(t.y, U.y, T.__dict__["y"], "x" in vars(T))
del T.y
print(hasattr(t, "y"), T.__doc__, type("D", (), {"__doc__": "docstr"}).__doc__)
print(repr(int), repr(type), str(float), int.__class__, callable(int), type.mro(U) == list(U.__mro__))
