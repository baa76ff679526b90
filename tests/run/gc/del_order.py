# __del__ runs the moment the last reference goes away, in CPython's order.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = D("a")
b = D("b")
print("start")
del a
print("after del a")
b = None
print("after b = None")

def f():
    x = D("local")
    print("in f")
f()
print("after f")

l = [D("l0"), D("l1"), D("l2")]
del l
print("after del list")

d = {"k": D("dv")}
d["k"] = D("dv2")
print("after replace")
d.clear()
print("after clear")

t = (D("t0"), D("t1"))
t = None

class Holder:
    pass
h = Holder()
h.x = D("attr")
del h.x
print("after del attr")
h.y = D("attr2")
del h
print("end")
