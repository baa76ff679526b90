def f0(): pass
def f1(a): pass
def f2(a, b=1): pass
def f3(a, /): pass
def f4(a, b=2, /, c=3): pass
def f5(a, /, b, *, c): pass
def f6(*args): pass
def f7(**kwargs): pass
def f8(*, a, b=1, c): pass
def f9(a, b=1, /, c=2, *args, d, e=3, **kwargs): pass
def f10(a, b, /, c, d, *, e, f): pass
def f11(a=1, /, b=2, *, c): pass
def f12(
    a,
    b,
): pass
def f13(*args, **kwargs,): pass
def f14(a, /,): pass
def outer():
    def inner(x): return x
    return inner
