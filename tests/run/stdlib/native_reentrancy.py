# native iterators and containers when Python callbacks re-enter or mutate them
import itertools, collections, functools, operator, heapq, math
# re-entrancy: key functions touching the same iterator
g = None
def key(x):
    try:
        next(g)
    except Exception as e:
        pass
    return x // 2
g = itertools.groupby(range(10), key)
try:
    print([(k, list(v)) for k, v in g])
except Exception as e:
    print("groupby", type(e).__name__, e)
# tee re-entrancy
def gen():
    yield 1
    next(t[0])
    yield 2
t = itertools.tee(gen())
try:
    print(list(t[0]))
except Exception as e:
    print("tee", type(e).__name__, e)
# deque mutation inside __eq__
d = collections.deque([1, 2, 3])
class E:
    def __eq__(self, other):
        d.clear()
        return False
for op in (lambda: d.count(E()), lambda: E() in d, lambda: d.index(E()), lambda: d.remove(E())):
    d.extend([1, 2, 3])
    try:
        print(op())
    except Exception as e:
        print("deque", type(e).__name__, e)
class D:
    def __del__(self):
        d.append(0)
d = collections.deque([D(), D()], maxlen=2)
d.append(5); d.append(6); d.appendleft(7); d.clear(); print("deque del", list(d)[:3])
# partial recursive repr
p = functools.partial(print)
p.__setstate__((print, (p,), {}, None))
print(repr(p).count("..."))
# heap mutation during compare
class H:
    def __lt__(self, o):
        h.append(1)
        return True
h = [H(), H(), H()]
try:
    heapq.heapify(h)
except Exception as e:
    print("heapq", type(e).__name__, e)
print(math.factorial(500) % 1000007, math.comb(10**6, 3) % 97, math.isqrt(10**200) == 10**100, math.perm(2**70, 0))
acc = itertools.accumulate(itertools.repeat(1, 5), lambda a, b: a + b)
print(list(acc), list(itertools.islice(itertools.count(2**100, 2**99), 3)))
print(list(itertools.zip_longest(itertools.repeat(1, 2), [], fillvalue=None)))
