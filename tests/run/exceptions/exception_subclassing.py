# user subclasses of builtin exceptions: __init__/__new__ overrides and family fields
class A(Exception):
    def __init__(self, x, y):
        self.x = x
a = A(1, 2)
print(repr(a), a.args, str(a))
class B(Exception):
    def __init__(self, x):
        super().__init__("msg", x)
print(repr(B(5)), B(5).args)
class C(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, "forced")
print(repr(C(1, 2)), C(1, 2).args)
class D(Exception):
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "D!"
print(str(D(1)), repr(D(1)), [D(1)])
class E(KeyError):
    pass
print(str(E("k")), repr(E("k")))
class F(OSError):
    def __init__(self, a, b):
        super().__init__(a, b)
print(repr(F(2, "x")), type(F(2, "x")).__name__, F(2, "x").errno)
class G(OSError):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
print(repr(G(2, "x", "f")), G(2, "x", "f").filename)
class H(StopIteration):
    pass
print(H(7).value, H().value)
class I(SyntaxError):
    pass
print(I("m", ("f", 1, 2, "t")).lineno, str(I("m", ("f", 1, 2, "t"))))
class J(UnicodeDecodeError):
    pass
print(str(J("utf-8", b"\xff", 0, 1, "r")))
class K(Exception):
    def __init__(self):
        pass
print(repr(K()), K().args)
k = K.__new__(K, 1, 2)
print(k.args)
try:
    raise A(1, 2)
except A as e:
    print(e.x, e.args)
class L(ExceptionGroup):
    def __new__(cls, msg, excs, extra):
        self = super().__new__(cls, msg, excs)
        self.extra = extra
        return self
    def __init__(self, msg, excs, extra):
        super().__init__(msg, excs)
l = L("m", [ValueError()], 5)
print(repr(l), l.extra, l.args)
