# Assigning and deleting dunders on a class after it (and its subclasses)
# exist updates the slots of the class and of every subclass.


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Base:
    pass


class Sub(Base):
    pass


class SubSub(Sub):
    pass


class Other:
    pass


class Multi(Other, Sub):
    pass


objs = [Base(), Sub(), SubSub(), Multi()]


def each(label, f):
    for o in objs:
        show(label + " " + type(o).__name__, lambda: f(o))


each("add before", lambda o: o + 1)
Base.__add__ = lambda self, o: ("Base.add", type(self).__name__, o)
each("add after", lambda o: o + 1)
each("radd", lambda o: 1 + o)
Base.__radd__ = lambda self, o: ("Base.radd", o)
each("radd after", lambda o: 1 + o)
Sub.__add__ = lambda self, o: "Sub.add"
each("add override", lambda o: o + 1)
del Sub.__add__
each("add del override", lambda o: o + 1)
del Base.__add__
each("add deleted", lambda o: o + 1)
show("del again", lambda: delattr(Base, "__add__"))

# Comparison and hashing.
each("eq before", lambda o: o == 5)
Base.__eq__ = lambda self, o: "Base.eq"
each("eq after", lambda o: o == 5)
each("ne after", lambda o: o != 5)
each("hashable", lambda o: type(hash(o)).__name__)
print("hash in dicts", ["__hash__" in c.__dict__ for c in (Base, Sub, SubSub, Multi)])
Base.__hash__ = None
each("hash None", lambda o: hash(o))
Sub.__hash__ = lambda self: 42
each("hash Sub", lambda o: hash(o))
del Base.__hash__
each("hash deleted", lambda o: type(hash(o)).__name__)
Base.__lt__ = lambda self, o: "lt"
each("lt", lambda o: o < 1)
each("gt reflected", lambda o: 1 > o)
del Base.__eq__
del Base.__lt__
each("eq deleted", lambda o: o == o)
each("lt deleted", lambda o: o < 1)

# Attribute hooks.
Base.__getattr__ = lambda self, n: "missing " + n
each("getattr", lambda o: o.nope)
Sub.__getattribute__ = lambda self, n: "sub-ga " + n
each("getattribute", lambda o: o.nope)
del Sub.__getattribute__
each("getattribute deleted", lambda o: o.nope)
del Base.__getattr__
each("getattr deleted", lambda o: o.nope)


def setattr_hook(self, n, v):
    object.__setattr__(self, n, ("hooked", v))


Base.__setattr__ = setattr_hook


def set_and_get(o):
    o.z = 1
    return o.z


each("setattr", set_and_get)
del Base.__setattr__
each("setattr deleted", set_and_get)

# Containers, calls, numbers.
Base.__len__ = lambda self: 2
each("len", len)
each("bool via len", bool)
Base.__bool__ = lambda self: False
each("bool", bool)
del Base.__len__, Base.__bool__
each("bool default", bool)
Base.__getitem__ = lambda self, k: ("item", k)
each("getitem", lambda o: o[3])
each("iter via getitem", lambda o: next(iter(o)))
each("in via getitem", lambda o: ("item", 0) in o)
Base.__contains__ = lambda self, k: True
each("contains", lambda o: 99 in o)
Base.__contains__ = None
each("contains None", lambda o: 99 in o)
Base.__call__ = lambda self, *a: ("call", a)
each("call", lambda o: o(1))
del Base.__call__
each("call deleted", lambda o: o(1))
Base.__index__ = lambda self: 1
each("index", lambda o: [5, 6][o])
Base.__neg__ = lambda self: "neg"
each("neg", lambda o: -o)
Sub.__neg__ = lambda self: "sub-neg"
each("neg sub", lambda o: -o)
Base.__iadd__ = lambda self, o: "iadd"


def iadd(o):
    o += 1
    return o


each("iadd", iadd)
Base.__pow__ = lambda self, o, m=None: ("pow", o, m)
each("pow", lambda o: (o ** 2, pow(o, 2, 5)))
each("rpow", lambda o: 2 ** o)

# __init__ and __new__ set later.
Base.__init__ = lambda self, *a: print(" init", type(self).__name__, a)
for c in (Base, Sub, Multi):
    c(1, 2)


def new(cls, *a):
    print(" new", cls.__name__, a)
    return object.__new__(cls)


Sub.__new__ = new
for c in (Base, Sub, SubSub):
    c(3)
Sub.__new__ = lambda cls, *a: "from new"
show("new returns other", lambda: (Sub(4), SubSub(5)))

# Setting a dunder that is not a slot changes nothing else.
Base.__foo__ = 1
Base.__module__ = "elsewhere"
each("still", lambda o: (o[0], -o))


# Builtin bases: setting a dunder on a subclass of a builtin.
class L(list):
    pass


class L2(L):
    pass


L.__len__ = lambda self: 100
show("list len", lambda: (len(L([1])), len(L2([1, 2]))))
L.__add__ = lambda self, o: "L.add"
show("list add", lambda: (L() + [1], L2() + [1], [1] + L()))
del L.__add__
show("list add restored", lambda: (L([1]) + [2], L2([3]) * 2))
L.__eq__ = lambda self, o: "L.eq"
show("list eq", lambda: (L() == 1, L2() == 1))
show("list hash", lambda: hash(L()))


# Changing __bases__ recomputes slots too.
class X:
    def __sub__(self, o):
        return "X-"


class Y:
    def __sub__(self, o):
        return "Y-"


class Z(X):
    pass


class ZZ(Z):
    pass


show("bases before", lambda: (Z() - 1, ZZ() - 1))
Z.__bases__ = (Y,)
show("bases after", lambda: (Z() - 1, ZZ() - 1))
