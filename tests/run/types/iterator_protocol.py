# iterator protocol: iter/next on builtins, exhaustion, sentinel iteration, length hints
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
for obj in ["ab", (1,), {1: 2}, {5}, range(2), b"a", bytearray(b"b"), {1: 2}.items(), frozenset([3])]:
    i = iter(obj)
    print(type(i).__name__, iter(i) is i, list(i), list(i))
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Counter(3)), sum(Counter(5)), max(Counter(4)), sorted(Counter(3)), tuple(Counter(2)))
vals = [1, 2, 3, 0, 4]
print(list(iter(lambda: vals.pop(0), 0)), vals)
for bad in [5, None, 1.5]:
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError", e)
l = [1, 2, 3]
it = iter(l)
print(it.__length_hint__(), next(it), it.__length_hint__())
l.append(4)
print(list(it))
a, b, *c = iter(range(5))
print(a, b, c)
