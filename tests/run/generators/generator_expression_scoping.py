# the first iterable of a generator expression is evaluated immediately, the rest lazily
def source(name, n):
    print("  source", name, "created")
    return range(n)
g = (x * y for x in source("outer", 2) for y in source("inner", 3))
print("generator created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
h = (undefined_name for _ in range(1))
try:
    next(h)
except NameError as e:
    print("NameError at iteration:", e)
