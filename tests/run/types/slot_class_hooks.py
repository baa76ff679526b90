# Class creation hooks and finalizers, inherited or defined later.
import gc


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Registry:
    subs = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Registry.subs.append((cls.__name__, tag))


class R1(Registry):
    pass


class R2(R1, tag="two"):
    pass


class R3(R2):
    def __init_subclass__(cls, **kw):
        print(" R3 hook for", cls.__name__, kw)


class R4(R3, extra=1):
    pass


print(Registry.subs)
show("bad kw", lambda: type("Bad", (R1,), {}, nope=1))
show("object kw", lambda: type("Bad", (object,), {}, nope=1))


class Named:
    def __set_name__(self, owner, name):
        print(" set_name", owner.__name__, name)
        self.name = name


class Sub(Named):
    pass


class Owner:
    a = Named()
    b = Sub()
    c = 3


print(Owner.a.name, Owner.b.name)


class BadName:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)


try:
    class Owner2:
        x = BadName()
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)


# __del__ inherited, added later, removed.
class Fin:
    def __del__(self):
        print(" del", type(self).__name__)


class FinChild(Fin):
    pass


class NoFin:
    pass


class NoFinChild(NoFin):
    pass


FinChild()
gc.collect()
NoFin.__del__ = lambda self: print(" late del", type(self).__name__)
NoFinChild()
NoFin()
gc.collect()
del NoFin.__del__
NoFinChild()
gc.collect()
print("no del printed")


# __class_getitem__ and __classcell__ (zero-argument super).
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class GChild(G):
    pass


print(G[int], GChild["x"])


class S:
    def who(self):
        return "S"


class T(S):
    def who(self):
        return "T>" + super().who()


class U(T):
    def who(self):
        return "U>" + super().who()


print(U().who(), __class__ if False else "")


# Metaclass whose instances get dunders from the metaclass namespace.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["__repr__"] = lambda self: "<" + name + ">"
        return super().__new__(mcls, name, bases, ns)

    def __len__(cls):
        return len(cls.__name__)


class M1(metaclass=Meta):
    pass


class M2(M1):
    def __repr__(self):
        return "M2 own"


print(repr(M1()), repr(M2()), len(M1), len(M2))


# type() with a namespace of dunders.
T3 = type("T3", (), {"__add__": lambda s, o: "T3+", "__eq__": lambda s, o: True})
T4 = type("T4", (T3,), {"__radd__": lambda s, o: "T4r"})
show("type()", lambda: (T3() + 1, T4() + 1, 1 + T4(), T3() == 0, "__hash__" in T3.__dict__))
show("T3 hash", lambda: hash(T3()))
show("T4 hash", lambda: hash(T4()))


# __slots__ classes and their subclasses keep slot behaviour.
class Slotted:
    __slots__ = ("a",)

    def __getitem__(self, k):
        return k


class Slotted2(Slotted):
    __slots__ = ("b",)


s = Slotted2()
s.a, s.b = 1, 2
print(s.a, s.b, s[9])
show("no dict", lambda: s.__dict__)
