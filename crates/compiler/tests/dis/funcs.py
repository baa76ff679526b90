import os
import os.path as osp
from . import a, b as c
from ..x.y import *
def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:
    "doc"
    global G
    G = a
    def inner():
        nonlocal a
        a = 2
        return a + b
    return inner
class C(Base, metaclass=Meta):
    x = 1
    def m(self):
        return super().m()
    @staticmethod
    def s(): pass
    def __priv(self): return self.__x
def gen():
    yield 1
    x = yield
    yield from range(3)
    return 5
async def co():
    await x
    async with a as b:
        pass
    async for i in y:
        print(i)
    return [i async for i in z]
