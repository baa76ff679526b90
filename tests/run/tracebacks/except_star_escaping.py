# display of what escapes except* clauses: new exceptions before re-raised parts, naked wrappers
import sys
def show(f):
    try:
        f()
    except BaseException as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
def a():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")
show(a)
def b():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise
def c():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("new")
show(b)
show(c)
def d():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        raise RuntimeError("wrapped") from g
show(d)
def e():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(3)])
    except* ValueError:
        pass
show(e)
