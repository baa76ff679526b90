class L(list):
    def append(self, x): print("L.append", x); super().append(x)
def add(l, x): l.append(x)
a, b = [], L()
for o in (a, b, a, b): add(o, 1)
print(a, b)
class S(list): __slots__ = ()
s = S(); add(s, 2); print(s)
def up(x): return x.upper()
print(up("ab"), up(b"cd"))
class MyStr(str):
    def upper(self): return "mine"
print(up(MyStr("x")), up("q"))
str_upper = str.upper
def f(d): return d.get(1)
print(f({1: 2}), f({}))
import types
m = types.ModuleType("m"); m.get = lambda k: "mod"
print(f(m))
class E(Exception):
    def get(self, k): return "exc"
e = E(); print(f(e)); e.get = lambda k: "inst"; print(f(e))
