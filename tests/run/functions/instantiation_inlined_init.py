class A:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z
print(A(1).s, A(1, 5, z=10).s)
class B:
    def __init__(self): return 5
try: B()
except TypeError as e: print(e)
class C:
    def __init__(self, a): raise ValueError(a)
try: C(7)
except ValueError as e: print(repr(e))
class D(A):
    def __new__(cls, *a, **k):
        print("new", a, k); return super().__new__(cls)
print(D(1, z=1).s)
class E:
    def __new__(cls): return 42
print(E())
try: A()
except TypeError as e: print(e)
class F:
    pass
print(type(F()))
try: F(1)
except TypeError as e: print(e)
import sys
class G:
    def __init__(self): print(sys._getframe(1).f_code.co_name)
def caller(): G()
caller()
print(int("5"), type(3), type("x", (), {})().__class__.__name__)
class H:
    def __init__(self, n):
        if n: H(n-1)
try: H(10000)
except RecursionError as e: print("rec", e)
B2 = B
def f():
    try:
        B2()
    except TypeError as e:
        return e.__traceback__.tb_next
print(f())
C(3)
