# functions compare by identity; each def/lambda evaluation creates a new function
def make():
    return lambda: 1
a, b = make(), make()
print(a == b, a is b, a == a, a.__code__ is b.__code__, hash(a) == hash(a))
def f():
    pass
g = f
print(g is f, g.__name__, [f] == [g], {f: 1}[g])
