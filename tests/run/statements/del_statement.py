# del of names, items, slices, attributes
a = 1
del a
try:
    a
except NameError as e:
    print("NameError", e)
l = list(range(6))
del l[0], l[-1]
print(l)
del l[1:3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class C:
    pass
c = C()
c.x = 1
del c.x
try:
    del c.x
except AttributeError as e:
    print("AttributeError", e)
x, y = 1, 2
del (x, y)
print("x" in dir(), "y" in dir())
try:
    del undefined_thing
except NameError as e:
    print("NameError", e)
def f():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return "UnboundLocalError " + str(e)
print(f())
