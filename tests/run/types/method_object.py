# bound methods of user classes
class C:
    def m(self, x):
        return (type(self).__name__, x)
    def __repr__(self):
        return "C()"
c = C()
bm = c.m
print(bm(1), bm.__self__, bm.__func__ is C.m, bm.__name__, bm.__qualname__, type(bm).__name__, bm.__doc__)
print(C.m(c, 2), C.m.__qualname__, type(C.m).__name__, c.m == c.m, c.m is c.m, repr(bm).startswith("<bound method C.m of C()>"))
print(bm.__func__.__name__, bm.__func__(c, 3))
f = bm.__func__
f.tag = "t"
print(bm.tag)
try:
    bm.other = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    C.m(1)
except TypeError as e:
    print("TypeError", e)
try:
    c.m()
except TypeError as e:
    print("TypeError", e)
c.m = lambda: "instance attribute"
print(c.m())
del c.m
print(c.m(4))
