import sys

class A:
    pass

class S:
    __slots__ = ("a", "b")

class SW:
    __slots__ = ("a", "__weakref__")

def f():
    pass

vals = [0, 1, 2**30, 2**64, -1, 1.5, True, False, None, "", "a", "abc", "é", "€", "😀" * 3,
        b"", b"abc", (), (1,), (1, 2, 3), [], [1], [1, 2, 3], {}, {1: 2}, {"a": 1},
        set(), {1}, frozenset(), bytearray(), bytearray(b"ab"), range(5), 1j, A(), S(), SW(),
        f, object(), slice(1, 2), dict.fromkeys(range(10)), set(range(10)), {str(i): i for i in range(6)}]
for v in vals:
    print(type(v).__name__, sys.getsizeof(v), v.__sizeof__())

l = []
for i in range(20):
    l.append(i)
print("appended", sys.getsizeof(l))
print(sys.getsizeof(1, 5))

class Big:
    def __sizeof__(self):
        return 1000
print(sys.getsizeof(Big()))

class Bad:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(Bad())
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.getsizeof()
except TypeError as e:
    print(type(e).__name__, e)
