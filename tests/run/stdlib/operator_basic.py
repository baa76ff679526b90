import operator as o
import _operator


class Seq:
    def __getitem__(self, i):
        return i

    def __add__(self, other):
        return "Seq.__add__"


class Hint:
    def __init__(self, h):
        self.h = h

    def __length_hint__(self):
        return self.h


class P:
    def __init__(self):
        self.a = type("Inner", (), {"b": 7})()
        self.x = 1

    def meth(self, *args, **kw):
        return ("meth", args, sorted(kw.items()))


cases = [
    "o.add(1, 2)", "o.sub(5, 3)", "o.mul('a', 3)", "o.truediv(7, 2)", "o.floordiv(7, 2)", "o.mod(7, 3)", "o.pow(2, 10)",
    "o.lshift(1, 4)", "o.rshift(16, 2)", "o.and_(6, 3)", "o.or_(6, 3)", "o.xor(6, 3)", "o.matmul(1, 2)",
    "o.neg(3)", "o.pos(-3)", "o.abs(-3)", "o.inv(5)", "o.invert(5)", "o.index(7)", "o.index(1.5)",
    "o.iadd([1], [2])", "o.isub(5, 2)", "o.imul([1], 2)", "o.ipow(2, 3)", "o.iconcat([1], [2])", "o.iconcat(1, 2)",
    "o.ior({1}, {2})", "o.iand({1, 2}, {2})", "o.ixor(5, 1)", "o.ilshift(1, 2)", "o.irshift(8, 1)", "o.imod(7, 4)",
    "o.ifloordiv(7, 2)", "o.itruediv(7, 2)", "o.imatmul(1, 2)",
    "o.lt(1, 2)", "o.le(2, 2)", "o.eq(1, 1.0)", "o.ne(1, 2)", "o.gt(1, 2)", "o.ge(3, 2)", "o.lt(1, 'a')",
    "o.truth([])", "o.truth([0])", "o.not_(1)", "o.is_(None, None)", "o.is_not(1, None)",
    "o.contains([1, 2], 2)", "o.contains(3, 2)", "o.countOf([1, 1, 2], 1)", "o.indexOf([1, 2], 2)", "o.indexOf([1], 2)",
    "o.getitem([1, 2], 1)", "o.getitem({'a': 1}, 'b')",
    "o.concat([1], [2])", "o.concat('a', 'b')", "o.concat(1, 2)", "o.concat([1], (2,))", "o.concat(Seq(), Seq())",
    "o.length_hint([1, 2])", "o.length_hint(iter(range(5)))", "o.length_hint(1, 'a')", "o.length_hint(1)",
    "o.length_hint(1, 9)", "o.length_hint(Hint(4))", "o.length_hint(Hint(NotImplemented), 3)", "o.length_hint(Hint('x'))",
    "o.length_hint(Hint(-1))",
    "o.call(len, [1])", "o.call(dict, a=1)",
    "o.attrgetter('x')(P())", "o.attrgetter('a.b', 'x')(P())", "o.attrgetter('x.y')(1)", "o.attrgetter(1)",
    "o.attrgetter()", "o.attrgetter('a')()", "repr(o.attrgetter('a', 'b.c'))", "o.attrgetter('a.b').__reduce__()",
    "o.itemgetter(1)([1, 2])", "o.itemgetter(0, -1)('abc')", "o.itemgetter(5)([1])", "o.itemgetter()",
    "repr(o.itemgetter(1, 'x'))", "o.itemgetter(1).__reduce__()",
    "o.methodcaller('meth', 1, k=2)(P())", "o.methodcaller('upper')('a')", "o.methodcaller()", "o.methodcaller(1)",
    "repr(o.methodcaller('f', 1, k=2))", "o.methodcaller('f', 1).__reduce__()", "o.methodcaller('f', 1, k=2).__reduce__()[1]",
    "_operator._compare_digest('abc', 'abc')", "_operator._compare_digest(b'a', b'b')", "_operator._compare_digest(1, 2)",
    "_operator._compare_digest('é', 'é')", "_operator._compare_digest('a', b'a')",
    "o.add(1)", "o.add(1, b=2)", "o.neg()",
    "o.__add__(1, 2)", "o.__lt__(1, 2)", "o.__not__(0)", "o.__index__(3)",
    "type(o.attrgetter('a')).__module__", "type(o.itemgetter(1)).__name__",
]
d = {"a": 1}
o.setitem(d, "b", 2)
o.delitem(d, "a")
print("setitem/delitem", d)
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
print(sorted(n for n in dir(_operator) if not n.startswith("__")))
print(sorted(o.__all__) == sorted(o.__all__))
