# traceback objects: constructor checks, tb_next assignment, dir()
import sys
def f():
    raise ValueError("x")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
print(type(tb).__name__, tb.tb_lineno, tb.tb_lasti > 0, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
T = type(tb)
frame = sys._getframe()
for args in [(None, frame, 0, 5), (None, 5, 0, 5), (5, frame, 0, 5), (None, frame, "a", 5), (None, frame, 0), ]:
    try:
        t = T(*args)
        print(t.tb_lineno, t.tb_lasti, t.tb_next)
    except Exception as x:
        print(type(x).__name__, x)
try:
    t = T(tb_next=None, tb_frame=frame, tb_lasti=2, tb_lineno=3)
    print(t.tb_lineno, t.tb_lasti)
except Exception as x:
    print(type(x).__name__, x)
try:
    tb.tb_next = tb
except Exception as x:
    print(type(x).__name__, x)
try:
    tb.tb_next = 5
except Exception as x:
    print(type(x).__name__, x)
try:
    del tb.tb_next
except Exception as x:
    print(type(x).__name__, x)
try:
    tb.tb_lineno = 5
except Exception as x:
    print(type(x).__name__, x)
n = tb.tb_next
tb.tb_next = None
print(tb.tb_next, n.tb_lineno)
print(T.__name__, T.__module__, repr(T))
print(dir(tb))
