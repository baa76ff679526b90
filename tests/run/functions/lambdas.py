# lambda expressions
sq = lambda x: x * x
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, x=2), (lambda a, b=10: a + b)(1))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(map(lambda x: x + 1, [1, 2])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(4), compose(len, str)(12345))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3), (lambda: (yield))().__class__.__name__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), sq.__name__, (lambda: 0).__code__.co_name)
print([(lambda i=i: i * 2)() for i in range(3)], (lambda x: (lambda y: x + y))(1)(2))
try:
    (lambda x: x)()
except TypeError as e:
    print("TypeError", e)
