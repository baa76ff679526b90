# vars(): __dict__ access, module vars, errors for objects without __dict__
import sys
class A:
    cls = 1
    def __init__(self):
        self.x = 1
a = A()
v = vars(a)
v["y"] = 2
print(a.y, vars(a), "cls" in vars(A), "x" in vars(A), type(vars(A)).__name__)
print(vars(sys) is sys.__dict__, "x" not in vars())
class Slots:
    __slots__ = ("a",)
for obj in [Slots(), 5, [], "s"]:
    try:
        vars(obj)
    except TypeError as e:
        print("TypeError", e)
try:
    vars(A)["new"] = 1
except TypeError as e:
    print("TypeError", e)
