# type() names of every kind of builtin value the interpreter creates
import sys
def gen():
    yield
async def coro():
    pass
async def agen():
    yield
c = coro()
values = [1, True, 1.0, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, ..., NotImplemented,
          len, [].append, gen, gen(), c, agen(), lambda: 0, type, object(), iter([]), iter(()), iter({}), iter(set()),
          enumerate([]), zip(), map(len, []), filter(None, []), reversed([]), memoryview(b""), {}.keys(), {}.values(), {}.items(),
          sys, sys._getframe(), gen.__code__, property(), classmethod(len), staticmethod(len), super(int, 1),
          (lambda: (x := 1, lambda: x))()[1].__closure__[0], ValueError(), int.__add__, (1).__add__, str.join, "".join]
print([type(v).__name__ for v in values])
c.close()
