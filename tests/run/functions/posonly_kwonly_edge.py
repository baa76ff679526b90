# positional-only names may also appear in **kwargs; keyword-only after *args
def f(a, b, /, **kw):
    return a, b, kw
print(f(1, 2, a=3, b=4))
def g(*args, last):
    return args, last
print(g(1, 2, last=3), g(last=0))
def h(a, /, b, *, c):
    return a, b, c
print(h(1, 2, c=3), h(1, b=2, c=3))
for call in [lambda: h(a=1, b=2, c=3), lambda: h(1, 2, 3), lambda: g(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
