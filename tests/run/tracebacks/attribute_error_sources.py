# AttributeError hints from the many places that raise it
import sys
def show(f):
    try:
        f()
    except AttributeError as e:
        sys.__excepthook__(type(e), e, None)
class Base:
    def method(self): pass
class Child(Base):
    def go(self):
        return super().methd
class Slotted:
    __slots__ = ("alpha",)
s = Slotted()
class Dyn:
    def __getattr__(self, name):
        raise AttributeError(f"dyn has no {name}")
class Prop:
    @property
    def value(self):
        return self.valu
show(lambda: Child().go())
show(lambda: s.alpa)
show(lambda: s.alpha)
show(lambda: getattr(Base(), "methd"))
show(lambda: Dyn().methd)
show(lambda: Prop().value)
show(lambda: [].apend)
show(lambda: "".uper)
show(lambda: {}.keyz)
show(lambda: (1).bitlength)
show(lambda: None.x)
show(lambda: sys.pathh)
show(lambda: setattr(object(), "x", 1))
show(lambda: delattr(Base(), "method"))
