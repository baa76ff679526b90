# id() identity (values never printed) and `is`
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0, a is b, a is not c, a == c)
print(id(None) == id(None), None is None, True is True)
x = object()
ids = {id(x)}
print(id(x) in ids, len({id(o) for o in [a, b, c]}))
