# Caches of the interpreter must follow every change: globals, builtins,
# class attributes (also through bases), in-place string growth, fast
# subscripts and unpacking.
def use_len():
    return len([1, 2])

print(use_len())
len = lambda x: 99          # a global now shadows the builtin
print(use_len())
del len                     # back to the builtin
print(use_len())
import builtins
real_len = builtins.len
builtins.len = lambda x: -1
print(use_len())
builtins.len = real_len
print(use_len())

counter = 0
def bump():
    global counter
    for _ in range(5):
        counter = counter + 1
    return counter
print(bump(), bump())

class Base:
    def who(self):
        return "base"
    kind = "base-kind"
class Child(Base):
    pass
c = Child()
print(c.who(), c.kind)
Base.who = lambda self: "patched"
Base.kind = "patched-kind"
print(c.who(), c.kind)
Child.who = lambda self: "child"
print(c.who())
del Child.who
print(c.who())
c.who = lambda: "instance"
print(c.who())
print([Child.kind for _ in range(3)])

def grow():
    s = "ab"
    t = s
    s += "cd"
    u = s
    s += "é"
    s += "€"
    s = s + "x"
    return s, t, u, len(s), hash(s) == hash("abcdé€x")
print(grow())

def subscripts():
    l = [10, 20, 30]
    t = (1, 2, 3)
    out = [l[0], l[-1], l[-3], t[1], t[-1]]
    l[-1] = 99
    l[0] += 1
    out.append(l)
    for bad in (3, -4):
        try:
            l[bad]
        except IndexError as e:
            out.append(str(e))
        try:
            t[bad]
        except IndexError as e:
            out.append(str(e))
        try:
            l[bad] = 0
        except IndexError as e:
            out.append(str(e))
    class L(list):
        def __getitem__(self, i):
            return "sub"
    out.append(L([1])[0])
    out.append([1, 2][True])
    return out
print(subscripts())

def unpacking():
    a, b = (1, 2)
    (c, d), e = ((3, 4), 5)
    try:
        x, y = (1, 2, 3)
    except ValueError as err:
        print("ValueError", err)
    try:
        x, y, z = (1,)
    except ValueError as err:
        print("ValueError", err)
    class T(tuple):
        def __iter__(self):
            return iter(("sub", "class"))
    p, q = T((1, 2))
    return a, b, c, d, e, p, q
print(unpacking())
