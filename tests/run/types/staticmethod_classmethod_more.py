# staticmethod and classmethod objects: callables, attributes, wrapping, inheritance
class A:
    @staticmethod
    def s(x):
        "static doc"
        return x * 2
    @classmethod
    def c(cls, x):
        return cls.__name__, x
    sm = staticmethod(len)
class B(A):
    pass
print(A.s(2), A().s(3), B.c(1), B().c(2), A.sm("four"), A.s.__doc__, A.__dict__["s"].__wrapped__.__name__)
print(A.__dict__["s"](5), type(A.c).__name__, A.c.__func__.__name__, B.c.__self__.__name__)
sm = staticmethod(lambda: "bare")
print(sm(), callable(sm), isinstance(A.__dict__["c"], classmethod), A.__dict__["c"].__func__ is A.c.__func__)
cm = classmethod(lambda cls: cls)
class C:
    m = cm
print(C.m() is C, C().m() is C)
