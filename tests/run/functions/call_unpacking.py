# argument unpacking in calls
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}, z=3))
print(f(*range(3), *"ab", **dict(a=1), **{"b": 2}))
print(f(*{1: "one"}, *{2}))
def g(a, b, c):
    return a + b + c
print(g(*[1, 2, 3]), g(1, *[2, 3]), g(*[1], **{"b": 2, "c": 3}), g(**{"c": 1, "a": 2, "b": 3}))
args = (x * 2 for x in range(3))
print(g(*args))
for call in [lambda: g(*[1, 2]), lambda: g(*[1, 2, 3, 4]), lambda: g(1, **{"a": 2, "b": 3, "c": 4}), lambda: g(*None)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(print(*[], sep="x"), f(**{}))
