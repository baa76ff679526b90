# getattr/setattr/delattr/hasattr
class O:
    cls_attr = "c"
o = O()
setattr(o, "x", 1)
print(getattr(o, "x"), getattr(o, "y", "dflt"), getattr(o, "cls_attr"), hasattr(o, "x"), hasattr(o, "nope"))
delattr(o, "x")
print(hasattr(o, "x"), vars(o))
setattr(o, "with space", 2)
print(getattr(o, "with space"), vars(o))
for f in [lambda: getattr(o, "missing"), lambda: delattr(o, "missing"), lambda: getattr(o, 1), lambda: setattr(o, 2, 3),
          lambda: setattr(1, "x", 1), lambda: delattr(O, "nope"), lambda: getattr(o), lambda: hasattr(o, None)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class G:
    def __getattr__(self, name):
        if name == "boom":
            raise ValueError("boom")
        return name.upper()
g = G()
print(getattr(g, "abc"), hasattr(g, "anything"), g.zz)
try:
    hasattr(g, "boom")
except ValueError as e:
    print("ValueError", e)
print(getattr(5, "real"), getattr("s", "upper")(), getattr([], "nope", None))
