# sys.exc_info and sys.exception
import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), v is e, tb is e.__traceback__, sys.exception() is e)
    try:
        raise ValueError("inner")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def in_func():
    return sys.exception()
try:
    1 / 0
except ZeroDivisionError:
    print(repr(in_func()))
def gen():
    yield sys.exception()
try:
    raise IndexError("g")
except IndexError:
    g = gen()
print(repr(next(g)))
try:
    raise TypeError("t")
except TypeError:
    pass
finally:
    print(sys.exception())
