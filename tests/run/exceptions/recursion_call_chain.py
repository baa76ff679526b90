# A class whose __call__ is one of its own instances recurses without Python frames:
# RecursionError, not a crash (CPython's SF bug 532646).
class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError:
    print("RecursionError")
# The interpreter keeps working afterwards.
print(sum(range(10)))
