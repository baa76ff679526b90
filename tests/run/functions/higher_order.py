# functions as values: passing, returning, storing in containers
def apply(f, *args):
    return f(*args)
def twice(f):
    return lambda x: f(f(x))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": pow}
print(apply(len, "abc"), twice(lambda x: x * 3)(2), [ops[k](3, 4) for k in sorted(ops)], apply(max, 3, 9, 1))
def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run
print(pipeline(str.strip, str.upper, lambda s: s + "!")("  hi  "), pipeline()(5))
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def curry(f, n):
    def step(args):
        if len(args) == n:
            return f(*args)
        return lambda x: step(args + [x])
    return step([])
print(curry(lambda a, b, c: a * 100 + b * 10 + c, 3)(1)(2)(3))
print(sorted(["b10", "a2", "c1"], key=lambda s: int(s[1:])), list(map(twice(str.upper), ["x"])))
