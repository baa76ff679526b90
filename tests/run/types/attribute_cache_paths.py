class A:
    y = 10
    def m(self): return "A.m"
    def __init__(self): self.x = 1
a = A()
def get(o): return o.x
def gety(o): return o.y
def callm(o): return o.m()
for i in range(3): print(get(a), gety(a), callm(a))
a.y = 5; a.m = lambda: "inst"
print(gety(a), callm(a))
del a.m; print(callm(a))
A.m = lambda self: "new A.m"; print(callm(a))
class P:
    @property
    def x(self): return "prop"
p = P()
print(get(p))
A.x = property(lambda self: "now prop")
print(get(a))
del A.x
print(get(a))
b = A(); b.__dict__.clear()
try: get(b)
except AttributeError as e: print(e)
class S:
    __slots__ = ("x",)
s = S(); s.x = 4; print(get(s))
s2 = S()
try: get(s2)
except AttributeError as e: print(e)
a.__class__ = P
print(get(a), gety(A()))
class Q:
    def __getattr__(self, n): return "ga:" + n
print(get(Q()))
def setx(o, v): o.x = v
for o in (A(), S(), A()):
    setx(o, 7); print(o.x)
class D:
    def __set__(self, o, v): print("set", v)
    def __get__(self, o, t): return "D"
A.x = D()
setx(A(), 9)
import sys
print(get(sys.modules[__name__].__class__) if False else "ok")
class R:
    def __init__(self): self.__dict__["x" + "1"[:0]] = 3
print(get(R()))
class K(dict): pass
o = A.__new__(A)
try: print(get(o))
except AttributeError as e: print(e)
print(callm(A()))
