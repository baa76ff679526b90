# Slots of classes follow the dunders found along the MRO: defined in the
# class, in a base, in a builtin base, or picked by multiple inheritance.


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class A:
    def __repr__(self):
        return "A-repr"

    def __add__(self, o):
        return "A+"

    def __len__(self):
        return 3


class B(A):
    pass


class C(B):
    def __radd__(self, o):
        return "C-radd"


class D(C):
    def __add__(self, o):
        return "D+"


for cls in (A, B, C, D):
    x = cls()
    show(cls.__name__ + " repr", lambda: repr(x))
    show(cls.__name__ + " add", lambda: x + 1)
    show(cls.__name__ + " radd", lambda: 1 + x)
    show(cls.__name__ + " len", lambda: len(x))
    show(cls.__name__ + " bool", lambda: bool(x))
    show(cls.__name__ + " iadd", lambda: x.__class__.__name__)


# Multiple inheritance: the first definition in the MRO wins.
class L:
    def __str__(self):
        return "L-str"

    def __mul__(self, o):
        return "L*"


class R:
    def __str__(self):
        return "R-str"

    def __mul__(self, o):
        return "R*"

    def __neg__(self):
        return "R-neg"

    def __getitem__(self, k):
        return ("R", k)


class LR(L, R):
    pass


class RL(R, L):
    pass


class Mid(L):
    pass


class Diamond(Mid, R):
    pass


for cls in (LR, RL, Diamond):
    x = cls()
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
    show(" str", lambda: str(x))
    show(" mul", lambda: x * 2)
    show(" neg", lambda: -x)
    show(" getitem", lambda: x[5])
    show(" abs", lambda: abs(x))


# __hash__ and __eq__.
class Plain:
    pass


class EqOnly:
    def __eq__(self, o):
        return True


class EqChild(EqOnly):
    pass


class EqAndHash:
    def __eq__(self, o):
        return True

    def __hash__(self):
        return 7


class EqAndHashChild(EqAndHash):
    def __eq__(self, o):
        return False


class HashNone:
    __hash__ = None


class HashNoneChild(HashNone):
    pass


class HashBack(HashNone):
    def __hash__(self):
        return 11


for cls in (Plain, EqOnly, EqChild, EqAndHash, EqAndHashChild, HashNone, HashNoneChild, HashBack):
    x = cls()
    show(cls.__name__ + " hash", lambda: type(hash(x)).__name__ if cls is Plain else hash(x))
    print(" __hash__ in dict:", "__hash__" in cls.__dict__, type(cls.__dict__.get("__hash__", "-")).__name__)
    show(" eq", lambda: x == x)
    show(" ne", lambda: x != 1)


# Builtin bases: the builtin's slots unless the subclass overrides them.
class MyInt(int):
    def __add__(self, o):
        return "MyInt+"


class MyInt2(MyInt):
    pass


class MyList(list):
    def __len__(self):
        return 42


class MyList2(MyList):
    def __getitem__(self, i):
        return ("item", i)


class MyDict(dict):
    def __missing__(self, k):
        return k * 2


class MyDict2(MyDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


class MyStr(str):
    def __mul__(self, n):
        return "MyStr*"


class MyStr2(MyStr):
    def __contains__(self, x):
        return True


show("MyInt", lambda: (MyInt(5) + 1, 1 + MyInt(5), MyInt(5) * 2, -MyInt(5), hash(MyInt(5))))
show("MyInt2", lambda: (MyInt2(5) + 1, MyInt2(5) - 1, MyInt2(5) == 5, MyInt2(3) < 4))
show("MyList", lambda: (len(MyList([1])), MyList([1]) + [2], MyList([1]) * 2, bool(MyList())))
show("MyList2", lambda: (len(MyList2([1])), MyList2([1])[0], list(MyList2([1, 2])), MyList2([1]) == [1]))
d = MyDict2()
d["a"] = 1
show("MyDict", lambda: (MyDict()["ab"], d["a"], d["zz"], len(d), "a" in d))
show("MyStr", lambda: (MyStr("ab") * 2, MyStr("ab") + "c", "b" in MyStr("ab"), "q" in MyStr2("ab"), MyStr2("x") * 3))
show("unhashable list", lambda: hash(MyList()))
show("unhashable dict", lambda: hash(MyDict()))


# Subclass of a class with __getattr__, __getattribute__, __setattr__.
class GA:
    def __getattr__(self, n):
        return "GA:" + n


class GAChild(GA):
    x = 1


class GAT(GA):
    def __getattribute__(self, n):
        if n == "boom":
            raise AttributeError(n)
        return "GAT:" + n


class SA:
    def __setattr__(self, n, v):
        object.__setattr__(self, n, v * 2)


class SAChild(SA):
    pass


class DA(SAChild):
    def __delattr__(self, n):
        print(" delattr", n)


g = GAChild()
show("GAChild", lambda: (g.x, g.y))
show("GAT", lambda: (GAT().z, GAT().boom))
s = SAChild()
s.v = 4
show("SAChild", lambda: s.v)
da = DA()
da.w = 5
del da.w
show("DA", lambda: da.w)


# __call__, __iter__/__next__, __contains__, descriptors, __index__, __bool__.
class Callable:
    def __call__(self, *a):
        return ("called", a)


class CallableChild(Callable):
    pass


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


class ItChild(It):
    pass


class NoIter(It):
    __iter__ = None


class Desc:
    def __get__(self, obj, typ=None):
        return "got"


class DataDesc(Desc):
    def __set__(self, obj, v):
        print(" set", v)


class Holder:
    d = Desc()
    dd = DataDesc()


class Idx:
    def __index__(self):
        return 2


class IdxChild(Idx):
    pass


class Truthy:
    def __len__(self):
        return 0


class TruthyChild(Truthy):
    def __bool__(self):
        return True


class NotContainer:
    __contains__ = None

    def __iter__(self):
        return iter([1])


show("call", lambda: CallableChild()(1, 2))
show("iter", lambda: list(ItChild()))
show("noiter", lambda: list(NoIter()))
h = Holder()
h.dd = 3
show("desc", lambda: (h.d, h.dd))
show("index", lambda: ([10, 20, 30][IdxChild()], bin(IdxChild())))
show("bool", lambda: (bool(Truthy()), bool(TruthyChild())))
show("contains None", lambda: 1 in NotContainer())


# __init__ / __new__ inherited and overridden.
class N:
    def __new__(cls, *a):
        print(" N.__new__", cls.__name__, a)
        return super().__new__(cls)

    def __init__(self, *a):
        print(" N.__init__", a)


class NChild(N):
    pass


class NInit(NChild):
    def __init__(self, x):
        print(" NInit.__init__", x)


NChild(1)
NInit(2)


class ObjNew:
    __new__ = object.__new__


show("ObjNew", lambda: type(ObjNew()).__name__)
show("ObjNew arg", lambda: ObjNew(1))
