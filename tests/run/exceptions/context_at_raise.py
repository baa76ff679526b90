# The implicit __context__ is taken where an exception is raised, not again
# in each frame it propagates through; a thrown-in exception takes the
# generator's own handled exception.
def my_cm():
    try:
        yield
    except BaseException:
        exc = ValueError("mine")
        try:
            raise exc
        finally:
            exc.__context__ = None

g = my_cm(); next(g)
try:
    try:
        raise IndexError()
    except IndexError as e:
        g.throw(e)
except ValueError as exc:
    print("context", repr(exc.__context__))

def plain():
    exc = ValueError("plain")
    try:
        raise exc
    finally:
        exc.__context__ = None
try:
    try:
        raise IndexError()
    except IndexError:
        plain()
except ValueError as exc:
    print("context", repr(exc.__context__))
def f2():
    yield

def g():
    try:
        raise KeyError('a')
    except Exception:
        yield from f2()

gen = g()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    print(repr(e.__context__))
