# object and type: construction, attribute and __slots__ errors, default methods
class A:
    pass
class B:
    def __init__(self, x):
        self.x = x
class C:
    def __new__(cls, *a):
        return super().__new__(cls)
tests = [lambda: object(1), lambda: A(1), lambda: A(x=1), lambda: object.__init__(A(), 1), lambda: B(), lambda: C(1).__class__.__name__,
    lambda: type(), lambda: type(1, 2), lambda: type("X", (1,), {}), lambda: type("X", (), 1), lambda: type("X", (int, str), {}),
    lambda: type("X", (bool,), {}), lambda: setattr(A(), "__class__", B), lambda: setattr(A(), "__class__", int), lambda: setattr(1, "__class__", A),
    lambda: setattr(A, "__name__", 5), lambda: setattr(A, "__name__", "N") or A.__name__, lambda: setattr(int, "x", 1), lambda: delattr(A, "nope"),
    lambda: setattr(A, "__qualname__", 1), lambda: type.__init__(A, 1, 2),
    lambda: A.__mro__, lambda: type.mro(A), lambda: type(A).__name__, lambda: type("X", (), {"__slots__": ["a", "a"]}),
    lambda: type("X", (), {"__slots__": 1}), lambda: type("X", (), {"__slots__": ["__dict__", "__dict__"]}), lambda: type("X", (int,), {"__slots__": ["a"]}),
    lambda: object.__new__(1), lambda: object.__new__(int), lambda: object.__new__(A, 1), lambda: A.__init_subclass__(1), lambda: object.__subclasshook__(),
    lambda: A().__sizeof__() > 0, lambda: repr(A.__dict__)[:12],
    lambda: object.__eq__(A(), 1), lambda: object.__lt__(1, 2), lambda: A() < A(), lambda: type.__repr__(A),
    lambda: object.__str__(5), lambda: object.__hash__(A()) == hash(A) or True, lambda: object.__format__(A(), "s"), lambda: format(A(), "")[:19],
    lambda: object.__setattr__(1, "x", 2), lambda: object.__delattr__(A(), "zz"), lambda: object.__getattribute__(A(), "zz"), lambda: object.__getattribute__(A(), 1),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
