# An exception class whose call makes no exception: `raise` and
# generator.throw() give CPython's TypeError (thrown into the generator).
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def boring():
    yield

for label, f in [("raise", lambda: exec("raise E")), ("raise inst", lambda: exec("raise E()")),
                 ("throw", lambda: boring().throw(E)), ("throw started", None)]:
    if f is None:
        g = boring(); next(g)
        f = lambda: g.throw(E)
    try:
        f()
    except BaseException as e:
        print(label, type(e).__name__, e)

def generator():
    try:
        yield
    except TypeError as e:
        print("inside", e)
    yield 5
g = generator(); next(g)
print(g.throw(E))

class F(Exception):
    def __new__(cls, *a):
        return 42
try:
    raise F
except TypeError as e:
    print("F", e)
try:
    raise ValueError from F
except TypeError as e:
    print("from F", e)
