class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M): pass
class E(*bases, **kwds): pass
class F(A, x=1, *rest, y=2, **more):
    """Docstring."""
    attr = 1
    def method(self):
        return self.attr
    class Nested:
        pass
class G(
    A,
    B,
):
    x: int
    y: str = ""
