# _random.Random: seeding (ints, negative ints, big ints, hashes), state, getrandbits.
import _random


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


t(_random.Random, 1, 2); t(_random.Random, x=1); t(_random.Random, [])


class R(_random.Random):
    def __init__(self, a, b):
        pass


t(lambda: R(1, 2).random())


class R2(_random.Random):
    pass


t(lambda: R2(x=1)); t(lambda: R2(1, 2)); t(lambda: R2(3).random())
r = _random.Random(5)
print(r.random(), r.getrandbits(0), r.getrandbits(100))
t(r.getrandbits, -1); t(r.getrandbits, 'x'); t(r.seed, 1, 2); t(r.seed, [1]); t(r.getrandbits, 2**64)
for s in [-5, 5.5, 2**100, -2**100, 0, 1, 2**32 - 1, 2**32, 2**64 + 7, -7.25, (1, 2), True, 10**50]:
    r.seed(s)
    print(s, r.random(), r.getrandbits(7), r.getrandbits(32), r.getrandbits(33), r.getrandbits(64), r.getrandbits(200))
r.seed(0)
print(r.random())
st = r.getstate()
print(len(st), st[-1], st[:3], type(st))
t(r.setstate, 1); t(r.setstate, (1,) * 3); t(r.setstate, (1,) * 624 + (625,)); t(r.setstate, (1,) * 624 + (-1,))
t(r.setstate, (1,) * 624 + ('x',)); t(r.setstate, (2**32,) * 625); t(r.setstate, (-1,) * 625)
t(r.setstate, (1,) * 625); print(r.random())
t(r.setstate, (2**32 + 3,) * 624 + (5,)); print(r.random())
r.setstate(st); print(r.random(), r.getstate() == st)
r2 = _random.Random(); r2.setstate(st); print(r2.random())
print(type(r), _random.Random.__module__, isinstance(r, _random.Random))
t(r.random, 1); t(r.getstate, 1); t(r.getrandbits); t(r.setstate)
r.seed(123)
print([r.random() for _ in range(700)][-3:])
print(r.getrandbits(1000))
import copy
t(copy.copy, _random.Random(1))
for st in [('x',) + (1,) * 624, (1.5,) + (1,) * 624, (True,) * 625, (1,) * 624 + (True,), (1,) * 624 + (2**70,), (1,) * 624 + (1.0,)]:
    t(r.setstate, st)
    print(r.random())
