# keyword argument binding rules and error messages
def f(a, b, c=3, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, d=4), f(b=2, a=1, d=4), f(1, c=30, b=20, d=40, e=50), f(*[1, 2], **{"d": 4, "c": 0}))
for call in [lambda: f(1, 2), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=4, a=1), lambda: f(1, 2, d=4, z=0), lambda: f(d=1),
             lambda: f(1, b=2, **{"b": 3}), lambda: f(1, 2, d=4, **{"e": 1, "f": 2})]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def g(**kw):
    return list(kw)
print(g(z=1, a=2, m=3), g(**{"with space": 1, "": 2}))
def h(*, only):
    return only
try:
    h(1)
except TypeError as e:
    print("TypeError", e)
def many(a, b, c, d):
    pass
for call in [lambda: many(1), lambda: many(1, 2), lambda: many(1, 2, 3), lambda: many(b=1, d=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
