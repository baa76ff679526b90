from collections import deque, defaultdict, namedtuple, OrderedDict, Counter, ChainMap


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque([1, 2, 3], maxlen=5)
show("repr", lambda: (repr(d), repr(deque()), repr(deque([1], 2))))
d.append(4); d.appendleft(0); d.append(5)
show("maxlen drop", lambda: (d, d.maxlen))
show("pop", lambda: (d.pop(), d.popleft(), d))
d.extend([7, 8]); d.extendleft("ab")
show("extend", lambda: d)
d = deque(range(6))
d.rotate(2)
show("rotate", lambda: d)
d.rotate(-3)
show("rotate neg", lambda: d)
d.reverse()
show("reverse", lambda: (d, d[0], d[-1], d.index(3), d.count(3), 3 in d, 9 in d))
d.insert(1, "x"); d.remove("x"); del d[0]; d[0] = "y"
show("edit", lambda: (d, len(d), bool(d), bool(deque())))
show("add", lambda: (deque([1]) + deque([2]), deque([1, 2]) * 2, 2 * deque([3]), deque([1, 2, 3], 2) * 2))
e = deque([1]); e += [2, 3]; e *= 2
show("inplace", lambda: e)
show("compare", lambda: (deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1]))
show("copy", lambda: (d.copy(), d.copy() is d, type(d.copy()).__name__))
show("reversed", lambda: list(reversed(deque("abc"))))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("index err", lambda: deque([1])[5])
show("index missing", lambda: deque([1]).index(2))
show("remove missing", lambda: deque([1]).remove(2))
show("maxlen neg", lambda: deque(maxlen=-1))
show("maxlen str", lambda: deque(maxlen="a"))
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("str index", lambda: deque([1])["a"])
show("concat list", lambda: deque([1]) + [1])
show("hash", lambda: hash(deque()))
show("not iterable", lambda: deque(1))
show("too many", lambda: deque([1], 2, 3))
show("index range", lambda: (deque([1, 2]).index(1, -5, 100), deque([1, 2, 1]).index(1, 1)))
x = deque([1, 2, 3])
try:
    for i in x:
        x.append(1)
except RuntimeError as err:
    print("mutated", err)


class S(deque):
    pass


show("subclass", lambda: (repr(S([1])), repr(S([1], 3)), type(S([1]).copy()).__name__))
show("clear", lambda: (lambda q: (q.clear(), q)[1])(deque([1, 2])))
show("generic", lambda: deque[int])

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
show("defaultdict", lambda: (dd, dict(dd), dd.default_factory, "c" in dd))
show("defaultdict none", lambda: defaultdict()["x"])
show("defaultdict bad", lambda: defaultdict(1))
show("defaultdict repr", lambda: repr(defaultdict(int, a=1)))
show("defaultdict copy", lambda: (dd.copy(), type(dd.copy()).__name__))
show("defaultdict isinstance", lambda: (isinstance(dd, dict), defaultdict.__module__))

P = namedtuple("P", "x y")
p = P(1, y=2)
show("namedtuple", lambda: (p, p.x, p.y, p._asdict(), p._replace(x=5), P._fields, P._make([3, 4])))
show("namedtuple defaults", lambda: namedtuple("Q", ["a", "b"], defaults=[0])(1))
show("namedtuple bad", lambda: namedtuple("R", "a a"))
show("namedtuple rename", lambda: namedtuple("R", "a def", rename=True)._fields)
show("namedtuple args", lambda: P(1))

od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
show("OrderedDict", lambda: (od, list(od), od.popitem(), od.popitem(last=False)))

c = Counter("abracadabra")
show("Counter", lambda: (c.most_common(3), c["z"], sorted(c.elements())[:5], c.total()))
c2 = Counter(a=1, b=-2)
show("Counter ops", lambda: (c2 + Counter(a=2), c2 - Counter(a=3), +c2, -c2, Counter(a=3) & Counter(a=1), Counter(a=1) | Counter(b=2)))
c.update("zz"); c.subtract("a")
show("Counter update", lambda: (c["z"], c["a"]))

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
show("ChainMap", lambda: (cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], cm.parents))
show("ChainMap missing", lambda: cm["z"])
import copy
import itertools
import functools
import _thread
it = iter(deque([1, 2, 3]))
next(it)
show("deque iterator reduce", lambda: (it.__reduce__()[1][1], list(copy.copy(it)), list(copy.copy(reversed(deque("abc"))))))
for obj in [itertools.pairwise([1, 2]), _thread.allocate_lock(), _thread.RLock(), functools.cmp_to_key(lambda a, b: 0)(1)]:
    show("copy " + type(obj).__name__, lambda: copy.copy(obj))
show("sizeof", lambda: (deque().__sizeof__(), deque(range(10)).__sizeof__(), deque(range(64)).__sizeof__(), deque(range(1000)).__sizeof__(), deque(range(100), maxlen=10).__sizeof__()))
