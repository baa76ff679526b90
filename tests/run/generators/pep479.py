# PEP 479: StopIteration inside a generator becomes RuntimeError
def bad():
    yield 1
    raise StopIteration("oops")
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
def bad_next():
    it = iter([])
    yield next(it)
try:
    list(bad_next())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)
def fine():
    yield 1
    return
print(list(fine()))
def gen_exp_stop():
    return list(next(iter([])) for _ in range(1))
try:
    gen_exp_stop()
except RuntimeError as e:
    print("RuntimeError", e)
