# yield from: delegation, return values, send/throw pass-through
def inner():
    x = yield "inner-1"
    print("  inner got", x)
    y = yield "inner-2"
    print("  inner got", y)
    return "inner-result"
def outer():
    result = yield from inner()
    print("  outer got result", result)
    yield "outer-final"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("done", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def catching_inner():
    try:
        yield 1
    except ValueError:
        yield "inner handled"
def delegator():
    yield from catching_inner()
d = delegator()
next(d)
print(d.throw(ValueError))
def closing_inner():
    try:
        yield 1
    finally:
        print("  inner closed")
dd = (lambda: (yield from closing_inner()))()
next(dd)
dd.close()
def rec(n):
    if n:
        yield n
        yield from rec(n - 1)
print(list(rec(5)))
def yf_iter():
    r = yield from [1, 2]
    yield r
print(list(yf_iter()))
try:
    list((lambda: (yield from 5))())
except TypeError as e:
    print("TypeError", e)
