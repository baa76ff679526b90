# property: accessor-less errors name the property and the class, __set_name__, __isabstractmethod__, copies
class Temp:
    def _get(self):
        return 1
    ro = property(_get)
    wo = property(None, lambda self, v: None)
    nothing = property()
class Outer:
    class Inner:
        p = property()
t = Temp()
for f in [lambda: setattr(t, "ro", 2), lambda: delattr(t, "ro"), lambda: t.wo, lambda: t.nothing,
          lambda: Outer.Inner().p, lambda: setattr(Outer.Inner(), "p", 1)]:
    try:
        print(f())
    except AttributeError as e:
        print("AttributeError", e)
loose = property()
class Late:
    pass
Late.x = loose
try:
    Late().x
except AttributeError as e:
    print("AttributeError", e)
loose.__set_name__(Late, "renamed")
try:
    Late().x
except AttributeError as e:
    print("AttributeError", e)
class Abstract:
    def m(self):
        pass
    m.__isabstractmethod__ = True
p1 = property(Abstract.m)
print(p1.__isabstractmethod__, property().__isabstractmethod__, property(lambda s: 0).__isabstractmethod__)
print(classmethod(Abstract.m).__isabstractmethod__, staticmethod(len).__isabstractmethod__)
p2 = Temp.ro.setter(lambda s, v: None)
print(p2.fget is Temp.ro.fget, p2.fset is not None, type(p2).__name__, Temp.ro.getter(None).fget is Temp.ro.fget, property(len).setter(None).fset)
try:
    property.getter(Temp.ro)
except TypeError as e:
    print("TypeError", e)
class Sub(property):
    pass
class H:
    @Sub
    def v(self):
        return 5
    @v.setter
    def v(self, val):
        print("set", val)
h = H()
h.v = 3
print(h.v, type(H.__dict__["v"]).__name__, H.v.__doc__)
try:
    del h.v
except AttributeError as e:
    print("AttributeError", e)
cm = classmethod(len)
print(cm.__func__, cm.__wrapped__, cm.__dict__, staticmethod(len).__dict__)
def ann(a: int):
    "doc"
print(classmethod(ann).__dict__ == {"__module__": "__main__", "__name__": "ann", "__qualname__": "ann", "__doc__": "doc", "__annotations__": {"a": int}})
