"""Closures: creating and calling nested functions, nonlocal counters."""


def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count
    return inc


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def run(n):
    counter = make_counter()
    adders = [make_adder(i) for i in range(10)]
    pipeline = compose(adders[3], compose(adders[5], adders[7]))
    total = 0
    for i in range(n):
        total += pipeline(i) + counter(i % 3)
        if i % 1000 == 0:
            counter = make_counter()
    return total


print("checksum", run(1600000))
