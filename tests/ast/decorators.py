@dec
def f(): pass

@dec.attr
@dec(1, k=2)
@dec[0]
@(lambda f: f)
@a if b else c
@x := y
class C:
    @staticmethod
    def m(): pass

    @property
    def p(self): return 1

    @p.setter
    def p(self, v): pass

@dec
async def g(): pass
