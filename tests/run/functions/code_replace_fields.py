# code.replace() with every field CPython 3.11 accepts, including the
# variable names and the location and exception tables.
def outer(a, b=2):
    c = a + b
    def inner():
        return c
    return inner


code = outer.__code__
print(code.co_varnames, code.co_cellvars, code.co_freevars, code.co_nlocals)
r = code.replace(co_varnames=("x", "y", "inner2"))
print(r.co_varnames, r.co_cellvars, r.co_nlocals, r.co_argcount)
print(outer.__code__.replace(co_name="renamed", co_qualname="Q.renamed").co_qualname)
inner = outer(1)
ic = inner.__code__
print(ic.co_freevars, ic.replace(co_freevars=("z",)).co_freevars)
print(code.replace(co_cellvars=("c",)).co_cellvars)
same = code.replace(co_linetable=code.co_linetable, co_exceptiontable=code.co_exceptiontable)
print(same == code, same.co_linetable == code.co_linetable)
nolines = code.replace(co_linetable=b"")
print(list(nolines.co_lines())[:1], nolines.co_firstlineno)
for kw in ({"co_linetable": "x"}, {"co_exceptiontable": 1}, {"co_varnames": ("a", 1)}, {"co_varnames": ["a"]},
           {"co_nlocals": 9}, {"co_freevars": 3}, {"co_cellvars": None}):
    try:
        code.replace(**kw)
        print(kw, "accepted")
    except Exception as e:
        print(kw, type(e).__name__, e)
try:
    code.replace(co_bogus=1)
except TypeError as e:
    print(e)


def f():
    return 42


f.__code__ = f.__code__.replace(co_consts=(None, 43))
print(f())


# Code objects compare by what they hold (constants by type and sign).
def g1():
    return 0.0


def g2():
    return -0.0


def g3():
    return 0.0


c1, c3 = g1.__code__, g3.__code__.replace(co_name="g1", co_qualname="g1", co_firstlineno=g1.__code__.co_firstlineno)
print(c1 == c3, hash(c1) == hash(c3), c1 != c3)
print(g1.__code__ == g2.__code__.replace(co_name="g1", co_firstlineno=c1.co_firstlineno))
print(c1 == c1.replace(co_consts=(None, False)), c1 == c1.replace(co_consts=(None, 0.0)))
print(c1 == 1, c1 != "x", {c1: 1}[c3])
