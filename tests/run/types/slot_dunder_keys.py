# Dunders given as built-up (not interned) strings, in
# type() namespaces, in __prepare__ mappings and through setattr.
import collections


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class S(str):
    pass


add = "".join(["__", "add", "__"])
T = type("T", (), {add: lambda self, o: "built-up add"})
show("built-up key", lambda: T() + 1)
U = type("U", (T,), {"".join(["__", "neg", "__"]): lambda self: "neg"})
show("subclass built-up", lambda: (-U(), U() + 1))

V = type("V", (), {S("__mul__"): lambda self, o: "S mul"})
show("str subclass key in dict", lambda: sorted(k for k in V.__dict__ if "mul" in k))


class W:
    pass


class W2(W):
    pass


setattr(W, "".join(["__", "sub", "__"]), lambda self, o: "built-up sub")
show("setattr built-up", lambda: (W() - 1, W2() - 1))
delattr(W, "".join(["__", "sub", "__"]))
show("delattr built-up", lambda: W2() - 1)


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return collections.OrderedDict()


class O(metaclass=OrderedMeta):
    def __len__(self):
        return 5

    def __eq__(self, o):
        return "eq"


show("ordered namespace", lambda: (len(O()), O() == 1, type(O.__dict__).__name__, "__hash__" in O.__dict__))
show("ordered hash", lambda: hash(O()))


class DictSub(dict):
    pass


X = type("X", (), DictSub(__repr__=lambda self: "X-repr", __iter__=lambda self: iter("ab")))
show("dict subclass namespace", lambda: (repr(X()), list(X())))
show("namespace order", lambda: [k for k in X.__dict__ if not k.startswith("__") or k in ("__repr__", "__iter__")])
show("non-str key", lambda: type("Y", (), {1: 2}).__dict__[1])
