import abc
import collections.abc as cabc
from abc import ABC, ABCMeta, abstractmethod


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Base(ABC):
    @abstractmethod
    def run(self):
        ...

    @property
    @abstractmethod
    def size(self):
        ...

    def helper(self):
        return "helper"


class Half(Base):
    def run(self):
        return "run"


class Full(Half):
    @property
    def size(self):
        return 3


show("abstracts", lambda: (sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__)))
show("instantiate base", lambda: Base())
show("instantiate half", lambda: Half())
show("instantiate full", lambda: (Full().run(), Full().size, Full().helper()))
show("metaclass", lambda: (type(Base).__name__, type(Base).__module__, isinstance(Base, ABCMeta)))


class Registered:
    pass


Base.register(Registered)
show("virtual", lambda: (issubclass(Registered, Base), isinstance(Registered(), Base), Registered in Base._abc_registry if hasattr(Base, "_abc_registry") else True))
show("register twice", lambda: Base.register(Registered) is Registered)
show("register non-class", lambda: Base.register(1))
show("cycle", lambda: Registered.register if False else Full.register(Base))
show("issubclass non-class", lambda: issubclass(1, Base))
t1 = abc.get_cache_token()


@Half.register
class Another:
    pass


show("token", lambda: (abc.get_cache_token() > t1, isinstance(abc.get_cache_token(), int)))
show("decorated", lambda: (Another.__name__, issubclass(Another, Half), issubclass(Another, Full)))


class Hooked(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "quack"):
            return True
        return NotImplemented


class Duck:
    def quack(self):
        pass


show("subclasshook", lambda: (issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked)))
show("collections.abc", lambda: (isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator),
                                 issubclass(str, cabc.Hashable), issubclass(list, cabc.Hashable), isinstance(1, cabc.Sized)))


class MySeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = MySeq(4)
show("mixins", lambda: (list(s), 9 in s, s.index(4), s.count(1), list(reversed(s))))
show("abstract seq", lambda: cabc.Sequence())


class M(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = M()
mm.update(a=1, b=2)
show("mutable mapping", lambda: (sorted(mm.items()), mm.get("z", 0), mm.pop("a"), mm.setdefault("c", 3), len(mm)))
show("abstractclassmethod", lambda: abc.abstractclassmethod.__name__)
show("update_abstractmethods", lambda: abc.update_abstractmethods(Full) is Full)
