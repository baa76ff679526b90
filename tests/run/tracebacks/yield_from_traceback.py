def inner():
    yield 1
    raise KeyError("inner failed")
def outer():
    yield from inner()
for v in outer():
    print(v)
