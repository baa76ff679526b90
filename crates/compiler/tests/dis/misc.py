"""Module docstring."""
from __future__ import annotations
x: int = 1
y: list[int]
def f(a: int, *args: str, b: "B" = None, **kw) -> dict[str, int]:
    "Function docstring."
    return {k: v for k, v in kw.items()}
class K:
    __slots__ = ('a',)
    def __init__(self):
        self.__secret = 1
        s = 'Hello %s, %r!' % (self, x)
        t = f"{s!r:>10} {x:{y}}"
    @property
    def p(self):
        return [*range(3), *self.__secret]
async def agen():
    yield 1
    async with ctx() as c, ctx2():
        await c
x = lambda: (yield)
del x
assert not x in y
with a:
    for i in b:
        if i: continue
        break
try:
    pass
except* ValueError:
    raise
