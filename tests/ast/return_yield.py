def f():
    return
def g():
    return 1
def h():
    return 1, 2
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield 1
    z = yield from other()
    await_ = (yield)
    w = yield from (a, b)
    yield from g()
    return (yield)
def h2():
    l = [(yield i) for i in x]
