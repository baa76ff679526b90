lambda: 0
lambda x: x
lambda x, y=1: x + y
lambda *args, **kwargs: (args, kwargs)
lambda a, /, b, *, c: a
lambda *, k=1: k
lambda x: lambda y: x + y
f = lambda: (yield)
sorted(items, key=lambda item: item[1])
lambda: [x for x in ()]
