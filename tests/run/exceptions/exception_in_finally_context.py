# an exception raised in finally gets the pending exception as __context__; returning discards it
def f():
    try:
        raise KeyError("pending")
    finally:
        try:
            raise ValueError("in finally")
        except ValueError as v:
            print("inner context:", repr(v.__context__))
try:
    f()
except KeyError as k:
    print("pending still propagates:", repr(k))
def g():
    try:
        raise KeyError("pending")
    finally:
        raise TypeError("replaces")
try:
    g()
except TypeError as t:
    print(repr(t), repr(t.__context__), t.__suppress_context__)
