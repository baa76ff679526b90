# defaults are computed at definition time and can be inspected
n = 10
def f(a=n, *, b=n * 2):
    return a, b
n = 99
print(f(), f.__defaults__, f.__kwdefaults__)
f.__kwdefaults__ = {"b": "new"}
print(f())
f.__defaults__ = None
try:
    f()
except TypeError as e:
    print("TypeError", e)
print(f(1))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g(3, []), g.__defaults__)
