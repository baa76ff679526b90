# function objects: attributes
def f(a, b=2, *args, c, d=4, **kw):
    "doc of f"
    x = 1
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__, type(f).__name__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames, f.__code__.co_posonlyargcount)
print(f.__dict__, f.__closure__, f.__globals__ is globals(), f.__annotations__, callable(f))
f.attr = 5
print(f.attr, f.__dict__)
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Q.renamed at 0x"))
f.__defaults__ = (100,)
print(f(1, c=0), f.__defaults__)
def outer():
    v = 10
    def inner(p: int) -> str:
        return v
    return inner
g = outer()
print(g.__qualname__, g.__annotations__, len(g.__closure__), g.__closure__[0].cell_contents, g.__code__.co_freevars)
lam = lambda x, /, y=1: x
print(lam.__name__, lam.__qualname__, lam.__code__.co_posonlyargcount, lam.__defaults__)
for bad in [lambda: setattr(f, "__name__", 5), lambda: setattr(f, "__defaults__", 5), lambda: setattr(f, "__code__", 1), lambda: f.nope]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
def gen():
    yield
async def co():
    pass
print(f.__code__.co_flags & 0x20, gen.__code__.co_flags & 0x20, co.__code__.co_flags & 0x80, f.__code__.co_flags & 0x0C)
del f.attr
print(hasattr(f, "attr"), f.__get__(1) is not None, type(f.__get__(1)).__name__)
