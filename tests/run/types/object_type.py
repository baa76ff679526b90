# object: the root type and its default methods
o = object()
print(type(o).__name__, object.__bases__, object.__mro__, object.__name__, object.__qualname__, type(object).__name__)
print(repr(o).startswith("<object object at 0x"), str(o) == repr(o), o == o, o != object(), o.__eq__(1), o.__ne__(o))
print(o.__class__ is object, isinstance(o, object), isinstance(5, object), issubclass(type, object), hasattr(o, "__dict__"))
for f in [lambda: setattr(o, "x", 1), lambda: o.x, lambda: object(1), lambda: o < o, lambda: o + 1, lambda: hash(o) and len(o)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(format(o, "") == str(o), o.__sizeof__() > 0, object.__doc__[:20])
class P:
    pass
p = P()
p.x = 1
print(p.__dict__, type(p).__name__, P.__bases__, P.__module__, P.__qualname__, p.__class__.__name__, vars(p))
try:
    format(o, "x")
except TypeError as e:
    print("TypeError", e)
print(object.__init_subclass__() is None, object.__subclasshook__(), o.__dir__ is not None, "__eq__" in dir(o))
print(sorted(set(dir(object)) & {"__repr__", "__hash__", "__init__", "__new__", "__class__", "__str__", "__getattribute__"}))
