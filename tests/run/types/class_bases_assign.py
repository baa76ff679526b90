# Assigning __bases__ (CPython's type_set_bases): MROs are recomputed, errors for bad values.
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
class C(A):
    pass
class D(C):
    pass
d = D()
print(d.who(), D.__mro__)
C.__bases__ = (B,)
print(d.who(), C.__base__, D.__mro__)
print(issubclass(D, B), issubclass(D, A), A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(d.who(), D.__mro__)

def attempt(target, value):
    try:
        target.__bases__ = value
    except Exception as e:
        print(type(e).__name__, e)
attempt(C, [A])
attempt(C, ())
attempt(C, (1,))
attempt(A, (D,))
attempt(int, (object,))
attempt(C, (int,))
attempt(C, (A, A))
try:
    del C.__bases__
except Exception as e:
    print(type(e).__name__, e)
print(C.__bases__, D.__mro__)
