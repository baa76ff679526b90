import copy


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class WithHooks:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return WithHooks("copied " + str(self.v))

    def __deepcopy__(self, memo):
        return WithHooks("deep " + str(self.v))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s, s is a, s[1] is a[1], d[1] is a[1], d[2]["k"] is a[2]["k"])
p = Point([1], 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p2.x is p.x, p3, p3.x is p.x)
print(copy.copy(WithHooks(1)).v, copy.deepcopy(WithHooks(1)).v)
sl = copy.deepcopy(Slotted())
print(sl.a, sl.b)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
t = (1, 2, [3])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is not None)
print(copy.copy(5), copy.deepcopy("s"), copy.copy(None), copy.deepcopy(len) is len)
print(copy.copy({1, 2}), copy.copy(bytearray(b"ab")))
print(copy.Error.__name__, issubclass(copy.Error, Exception))
