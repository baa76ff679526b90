# SimpleNamespace, GenericAlias, slice, super, enumerate and iterator objects
NS = type(__import__("sys").implementation)
n = NS(a=1, b="x")
print(n, n == NS(a=1, b="x"), n != NS(a=2), repr(NS()), NS(**{"c": [1]}).c)
n.z = n
print(n)
for f in [lambda: NS(1), lambda: hash(n)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
g = list[int]
print(g, g.__origin__, g.__args__, g.__parameters__, g == list[int], hash(g) == hash(list[int]), g([1, 2]), type(g).__name__)
print(dict[str, list[int]], tuple[int, ...], list[int][()] if False else 0, isinstance([], list), repr(list[int] | None))
for f in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: list[int][int], lambda: zip(foo=1), lambda: enumerate(1), lambda: enumerate([], 1.5), lambda: enumerate(x=1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4), s == slice(1, 10, 2), s.start, s.stop, s.step)
for f in [lambda: hash(s), lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: s.indices(-1), lambda: s.indices("a"), lambda: slice(0, 1, 0).indices(3), lambda: s < slice(2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B" + super().f()
b = B()
sp = super(B, b)
print(b.f(), sp.__thisclass__, sp.__self__ is b, sp.__self_class__, repr(super(B, B)), repr(sp)[:30])
for f in [lambda: super(B, 1), lambda: super(1, b), lambda: super(B).f, lambda: sp.nothing]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
e = enumerate("ab")
print(next(e), list(e), list(reversed(range(3))), list(reversed((1, 2))), list(reversed("ab")))
it = iter([1, 2, 3]); next(it)
print(it.__length_hint__(), list(it), iter(()).__length_hint__(), type(iter(())).__name__, type(iter("")).__name__)
