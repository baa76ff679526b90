# Classes deriving directly from builtin types, one after another with and
# without dunders of their own: each gets exactly its own overrides.
import re


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class EqFirst:
    def __eq__(self, o):
        return "eq"


class PlainAfter:
    pass


class HashFirst:
    def __hash__(self):
        return 5


class PlainAfter2:
    pass


show("EqFirst", lambda: (EqFirst() == 1, "__hash__" in EqFirst.__dict__))
show("EqFirst hash", lambda: hash(EqFirst()))
show("PlainAfter", lambda: (PlainAfter() == 1, type(hash(PlainAfter())).__name__, "__hash__" in PlainAfter.__dict__))
show("HashFirst", lambda: (hash(HashFirst()), HashFirst() == HashFirst()))
show("PlainAfter2", lambda: (type(hash(PlainAfter2())).__name__, PlainAfter2() != 1))


def make(base, **dunders):
    return type("Of" + base.__name__, (base,), dunders)


cases = [
    (int, dict(__add__=lambda s, o: "add", __neg__=lambda s: "neg", __bool__=lambda s: False)),
    (float, dict(__mul__=lambda s, o: "mul", __float__=lambda s: 2.5)),
    (str, dict(__len__=lambda s: 99, __getitem__=lambda s, i: "item", __contains__=lambda s, x: True)),
    (list, dict(__len__=lambda s: 7, __iter__=lambda s: iter("xy"), __eq__=lambda s, o: "list-eq")),
    (dict, dict(__len__=lambda s: 9, __setitem__=lambda s, k, v: None, __hash__=lambda s: 3)),
    (tuple, dict(__add__=lambda s, o: "tadd", __lt__=lambda s, o: "lt")),
    (set, dict(__or__=lambda s, o: "or", __contains__=lambda s, x: "yes")),
    (bytes, dict(__str__=lambda s: "bstr", __repr__=lambda s: "brepr")),
    (object, dict(__call__=lambda s, *a: "called", __getattr__=lambda s, n: "ga-" + n, __del__=lambda s: None)),
    (Exception, dict(__str__=lambda s: "exc-str", __init__=lambda s, *a: None)),
]


def probe(x):
    out = []
    for label, f in [
        ("add", lambda: x + x),
        ("mul", lambda: x * 2),
        ("neg", lambda: -x),
        ("bool", lambda: bool(x)),
        ("len", lambda: len(x)),
        ("item", lambda: x[0]),
        ("in", lambda: 1 in x),
        ("iter", lambda: list(x)[:3]),
        ("eq", lambda: x == x),
        ("lt", lambda: x < x),
        ("or", lambda: x | x),
        ("str", lambda: str(x)),
        ("repr", lambda: repr(x)),
        ("hash", lambda: type(hash(x)).__name__),
        ("call", lambda: x()),
        ("attr", lambda: x.nope),
        ("float", lambda: float(x)),
    ]:
        try:
            r = f()
            out.append((label, re.sub(" at 0x[0-9a-f]+", "", r) if isinstance(r, str) else r))
        except Exception as e:
            out.append((label, type(e).__name__))
    return out


def sample(cls, base):
    if base in (int, float):
        return cls(3)
    if base is str:
        return cls("ab")
    if base is bytes:
        return cls(b"ab")
    if base in (list, tuple, set):
        return cls([1, 2])
    if base is dict:
        return cls(a=1)
    return cls()


for base, dunders in cases:
    # Overriding class first, then a plain one, then overriding again.
    over = make(base, **dunders)
    plain = make(base)
    again = make(base, **dunders)
    sub = type("Sub", (plain,), {})
    for label, cls in (("over", over), ("plain", plain), ("again", again), ("sub", sub)):
        print(base.__name__, label, probe(sample(cls, base)))


# A dunder assigned later on a class deriving from a builtin, then a new
# sibling class: the sibling does not see it.
class I1(int):
    pass


I1.__add__ = lambda s, o: "late"


class I2(int):
    pass


show("late", lambda: (I1(1) + 1, I2(1) + 1))
del I1.__add__
show("late deleted", lambda: (I1(1) + 1, I2(1) + 1))
