# generator basics: laziness, state, exhaustion
def gen(n):
    print("  start")
    for i in range(n):
        print("  yielding", i)
        yield i
    print("  end")
g = gen(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(gen(3)))
print(sum(x * x for x in range(10)), list(x for x in "ab" if x != "a"))
ge = (i for i in range(3))
print(iter(ge) is ge, next(ge), list(ge), list(ge))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)
