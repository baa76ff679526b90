# module reprs: from spec, file, loader, or name alone
import sys
M = type(sys)
m = M("dyn")
print(repr(m), repr(sys), repr(M("x", "doc")), m.__doc__)
m.__file__ = "/path/to/dyn.py"
print(repr(m))
class Loader:
    def __repr__(self):
        return "<my loader>"
m2 = M("withloader")
m2.__loader__ = Loader()
print(repr(m2))
del m.__file__
class Spec:
    name = "dyn"
    origin = "somewhere"
    has_location = False
    loader = None
m.__spec__ = Spec()
print(repr(m))
Spec.has_location = True
print(repr(m))
Spec.origin = None
print(repr(m))
del m.__name__
print(repr(M("n")), repr(m)[:9])
for f in [lambda: M(), lambda: M(1), lambda: M("a", "b", "c")]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
