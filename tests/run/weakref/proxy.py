import _weakref

class A:
    def __init__(self):
        self.x = 1
    def meth(self):
        return "meth"
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
    def __call__(self, y):
        return y + 1

a = A()
p = _weakref.proxy(a)
print(type(p).__name__, p.x, p.meth(), len(p), p[4], p(1))
p.y = 5
print(a.y)
print(_weakref.getweakrefcount(a))

class B:
    pass
b = B()
pb = _weakref.proxy(b)
print(type(pb).__name__)
try:
    hash(pb)
except TypeError as e:
    print(type(e).__name__, e)
del b
try:
    pb.x
except ReferenceError as e:
    print(type(e).__name__, e)

l = [1, 2]
class L(list):
    pass
ll = L([1, 2, 3])
pl = _weakref.proxy(ll)
print(len(pl), list(pl), 2 in pl, pl == [1, 2, 3])
try:
    _weakref.proxy(1)
except TypeError as e:
    print(type(e).__name__, e)
