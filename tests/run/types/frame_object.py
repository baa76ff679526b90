# frame objects via sys._getframe and tracebacks
import sys
def where():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, caller.f_code.co_name, caller.f_lineno, f.f_back is caller
def outer():
    x = 42
    return where()
print(outer())
def locs():
    a = 1
    b = "two"
    return sys._getframe().f_locals
print(locs())
f = sys._getframe()
print(f.f_code.co_name, f.f_globals is globals(), f.f_back, type(f).__name__, f.f_lineno)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame is sys._getframe(), tb.tb_next, tb.tb_frame.f_code.co_name)
def deep(n):
    if n == 0:
        names = []
        fr = sys._getframe()
        while fr is not None:
            names.append((fr.f_code.co_name, fr.f_lineno))
            fr = fr.f_back
        return names
    return deep(n - 1)
print(deep(3))
def g():
    yield sys._getframe().f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
gen = g()
print(next(gen), next(gen), gen.gi_frame.f_code.co_name, gen.gi_frame.f_lineno)
