raise
raise ValueError
raise ValueError("x") from None
raise E() from cause
assert x
assert x, "message"
assert (x, y)
del x
del x, y
del a.b, a[0], a[1:2]
del (a, b), [c]
pass
