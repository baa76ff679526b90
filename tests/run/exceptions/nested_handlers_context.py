# __context__ chains through nested handlers and re-raises
try:
    try:
        try:
            raise ValueError("one")
        except ValueError:
            raise KeyError("two")
    except KeyError:
        raise IndexError("three")
except IndexError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
def cycle():
    a = ValueError("a")
    b = KeyError("b")
    try:
        try:
            raise a
        except ValueError:
            raise b
    except KeyError:
        try:
            raise a
        except ValueError as again:
            return again, again.__context__
x, ctx = cycle()
print(repr(x), repr(ctx), repr(ctx.__context__) if ctx is not None else None)
