# cell objects: closures share cells
def make():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = make()
print(inc(), inc(), get(), inc.__closure__[0] is get.__closure__[0], type(inc.__closure__[0]).__name__)
cell = get.__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 100
print(get(), inc())
def empty():
    if False:
        v = 1
    def f():
        return v
    return f
f = empty()
try:
    f.__closure__[0].cell_contents
except ValueError as e:
    print("ValueError", e)
try:
    f()
except NameError as e:
    print("NameError", e)
fns = [lambda: i for i in range(3)]
print([g() for g in fns])
fns = [lambda i=i: i for i in range(3)]
print([g() for g in fns])
C = type(cell)
c = C(5)
print(c.cell_contents, C() is not None, C(1) == C(1), C(1) < C(2))
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
