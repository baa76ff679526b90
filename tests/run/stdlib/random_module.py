# random.Random over _random: seeded sequences and the derived methods.
import random

random.seed(42)
print([random.random() for _ in range(5)])
print(random.randrange(100), random.randint(1, 6), random.choice('abcdef'), random.randrange(0, 10**30, 7))
l = list(range(20))
random.shuffle(l)
print(l)
print(random.sample(range(100), 5), random.sample(['a', 'b', 'c'], 3, counts=[1, 2, 3]))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.uniform(1, 2), random.triangular())
print(random.choices('abc', k=5), random.choices('abc', weights=[1, 0, 3], k=4))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.getrandbits(70), random.randbytes(7))
for seed in [0, 1, -1, 2**64, 3.5, 'hello', b'bytes', bytearray(b'ba')]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(1000))
random.seed('hello', version=1)
print(random.random())
r = random.Random(12345)
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)], state[0], len(state[1]), state[2])


class MyRandom(random.Random):
    def random(self):
        return 0.5


print(MyRandom(1).randrange(10), MyRandom().choice('xyz'))
for bad in [[1], {}, object()]:
    try:
        random.seed(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    random.randrange(0)
except ValueError as e:
    print('ValueError', e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print('ValueError', e)
