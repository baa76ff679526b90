# traceback objects: chain of frames and line numbers
def a():
    b()
def b():
    raise KeyError("k")
try:
    a()
except KeyError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb).__name__))
        tb = tb.tb_next
    print(lines)
def reraise():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise
try:
    reraise()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
e = ValueError("x")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
try:
    e.with_traceback(5)
except TypeError as err:
    print("TypeError", err)
try:
    e.__traceback__ = "no"
except TypeError as err:
    print("TypeError", err)
try:
    raise RuntimeError("first")
except RuntimeError as x:
    saved = x.__traceback__
try:
    raise KeyError("second").with_traceback(saved)
except KeyError as k:
    t = k.__traceback__
    print(t.tb_lineno, t.tb_next.tb_lineno)
