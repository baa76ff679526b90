# all parameter kinds
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, e=6, z=7))
print(f(1, c=33, d=4, b=9))
def pos_only(x, y, /):
    return x - y
print(pos_only(5, 3))
def kw_only(*, key, other="o"):
    return key + other
print(kw_only(key="k"), kw_only(other="1", key="2"))
for call in [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, 4, d=1, c=2), lambda: pos_only(x=1, y=2), lambda: pos_only(1),
             lambda: kw_only("k"), lambda: kw_only(key=1, bad=2), lambda: pos_only(1, 2, 3), lambda: f(1, d=1, d2=2, **{"d": 3})]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
def g(a, b):
    return a, b
for call in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, a=2), lambda: g(c=1), lambda: g(), lambda: g(b=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def defaults_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_evaluated_once(1), defaults_evaluated_once(2))
def star_only(*args):
    return args
print(star_only(), star_only(1, *[2, 3], *(4,)), star_only(*"ab"))
def kw_star(**kwargs):
    return sorted(kwargs.items())
print(kw_star(a=1, **{"b": 2}, **{"c": 3}))
try:
    kw_star(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
try:
    kw_star(**{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    star_only(*5)
except TypeError as e:
    print("TypeError", e)
try:
    kw_star(**[1])
except TypeError as e:
    print("TypeError", e)
