import functools
from functools import partial, reduce, lru_cache, wraps, total_ordering, cached_property, singledispatch, cmp_to_key


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


show("reduce", lambda: (reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, [], 1)))
show("reduce empty", lambda: reduce(lambda a, b: a, []))
show("reduce not iterable", lambda: reduce(lambda a, b: a, 3))
p = partial(int, base=2)
show("partial", lambda: (p("101"), p.func is int, p.args, p.keywords))
p2 = partial(pow, 2)
show("partial pos", lambda: (p2(10), partial(p2, 3)(), partial(p2, 3).args))
show("partial repr", lambda: repr(partial(max, 1, key=abs)).replace(repr(max), "MAX"))
show("partial bad", lambda: partial())
show("partial not callable", lambda: partial(1))


@lru_cache(maxsize=2)
def sq(x):
    print("  computing", x)
    return x * x


show("lru", lambda: (sq(2), sq(2), sq(3), sq(4), sq(2)))
show("lru info", lambda: sq.cache_info())
sq.cache_clear()
show("lru cleared", lambda: sq.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


show("cache", lambda: (fib(30), fib.cache_info().hits))


def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def hello():
    "doc"
    return 1


show("wraps", lambda: (hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello()))


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


show("total_ordering", lambda: (V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2)))


class C:
    calls = 0

    @cached_property
    def val(self):
        C.calls += 1
        return 42


c = C()
show("cached_property", lambda: (c.val, c.val, C.calls, "val" in c.__dict__))


@singledispatch
def kind(x):
    return "object"


# register() imports typing (which needs os and re): only dispatch is shown.
show("singledispatch", lambda: (kind(1), kind([]), kind.dispatch(float).__name__, sorted(t.__name__ for t in kind.registry)))
show("cmp_to_key", lambda: sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
pm = functools.partialmethod


class D:
    def f(self, a, b):
        return a - b
    g = pm(f, 10)


show("partialmethod", lambda: D().g(3))
show("update_wrapper", lambda: functools.update_wrapper(lambda: 0, hello).__name__)


class P(partial):
    pass


show("partial subclass", lambda: (repr(P(max, 1)), repr(partial(P(max, 1), 2)), type(partial(P(max, 1), 2)).__name__, partial(partial(max, 1), 2).args))
pk = partial(max, 1, key=abs)
show("partial reduce", lambda: (pk.__reduce__()[0].__name__, len(pk.__reduce__()), repr(partial(pk, 3, key=len)).count("len")))
show("partial setstate", lambda: partial(max).__setstate__(1))
pk.attr = 5
show("partial attr", lambda: (pk.attr, pk.__dict__))
show("reduce args", lambda: functools.reduce())
show("reduce many", lambda: functools.reduce(1, [], 2, 3))
show("cmp_to_key missing", lambda: functools.cmp_to_key())
K = cmp_to_key(lambda a, b: a - b)
show("KeyWrapper", lambda: (type(K).__name__, K(1).obj, K(1) < K(2), K(1) == K(1), K(2) >= K(3)))
show("KeyWrapper other", lambda: K(1) < 2)
show("KeyWrapper hash", lambda: hash(K(1)))


@lru_cache(maxsize=3)
def f3(x, y=0):
    print("  f3", x, y)
    return x + y


for args in [(1,), (2,), (1,), (3,), (4,), (2,), (1,), (1,)]:
    f3(*args)
f3(1, y=2)
f3(1, y=2)
show("lru bounded", lambda: (f3.cache_info(), type(f3).__name__, f3.__name__, f3.__wrapped__.__name__, f3.cache_parameters()))


@lru_cache(maxsize=None, typed=True)
def typed(x):
    print("  typed", repr(x))
    return x


typed(1), typed(1.0), typed(1), typed(True)
show("lru typed", lambda: typed.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1), nocache(1)
show("lru zero", lambda: nocache.cache_info())


class K:
    @lru_cache
    def m(self, x):
        return (id(self) > 0, x)


show("lru method", lambda: (K().m(3), K.m.cache_info().misses))
show("lru bad maxsize", lambda: lru_cache(maxsize="a"))
show("lru wrapper bad", lambda: functools._lru_cache_wrapper(1, 1, False, None))
show("lru reduce", lambda: f3.__reduce__())
import copy
show("lru copy", lambda: (copy.copy(f3) is f3, copy.deepcopy(f3) is f3))


@lru_cache(maxsize=2)
def rec(n):
    return n if n < 2 else rec(n - 1) + rec(n - 2)


show("lru recursive", lambda: (rec(20), rec.cache_info()))
unh = lru_cache(lambda x: x)
show("lru unhashable", lambda: unh([1]))
