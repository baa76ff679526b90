# A generator suspended inside an except block keeps the exception it
# handles; the caller's handled exception stays visible beneath it.
import sys
def g():
    try:
        print("start", sys.exc_info()[0])
        yield
    except Exception as exc:
        print("caught", sys.exc_info()[0], exc.__context__)
        yield
        print("after yield", sys.exc_info()[0])
        yield
        raise

make = g()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
print("outside", sys.exc_info()[0])
next(make)
try:
    next(make)
except ValueError as e:
    print("reraised", repr(e), e.__context__)
print(sys.exc_info())

def inner():
    print("inner sees", sys.exc_info()[0])
    yield 1
    print("inner after", sys.exc_info()[0])
    yield 2


it = inner()
try:
    raise KeyError("k")
except KeyError:
    next(it)
try:
    raise TypeError("t")
except TypeError:
    next(it)
print(sys.exc_info()[0])


def ctx():
    try:
        yield
    finally:
        try:
            raise RuntimeError("in finally")
        except RuntimeError as e:
            print("context", repr(e.__context__))


c = ctx()
next(c)
try:
    raise OSError("outer")
except OSError:
    c.close()
