# property, classmethod, staticmethod descriptors
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    ro = property(lambda self: "read-only")
    @classmethod
    def make(cls, v):
        t = cls()
        t.celsius = v
        return t
    @staticmethod
    def helper(x):
        return x * 2
t = Temp.make(25)
print(t.celsius, Temp.celsius.__doc__, type(Temp.celsius).__name__, Temp.helper(4), t.helper(5), Temp.make(1).celsius)
t.celsius = 30
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(t.celsius, t.ro)
for f in [lambda: setattr(t, "ro", 1), lambda: delattr(t, "ro")]:
    try:
        f()
    except AttributeError as e:
        print("AttributeError", e)
p = Temp.__dict__["celsius"]
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__, Temp.ro.fset, p.__get__(None, Temp) is p)
cm = Temp.__dict__["make"]
sm = Temp.__dict__["helper"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__(3), sm(7), type(Temp.make).__name__, Temp.make.__self__ is Temp)
p2 = property(doc="just doc")
print(p2.__doc__, p2.fget)
class D:
    x = p2
try:
    D().x
except AttributeError as e:
    print("AttributeError", e)
print(property.getter(p, lambda s: "new").fget(None), property().__isabstractmethod__)
