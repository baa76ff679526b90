# None, NotImplemented, Ellipsis singletons
print(None, repr(None), type(None).__name__, bool(None))
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, ..., repr(...), type(...).__name__, ... is Ellipsis)
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
print(None == None, None is None, None != 0, None == False)
n = None
for name, op in [("add", lambda: n + 1), ("lt", lambda: n < n), ("call", lambda: n()), ("index", lambda: n[0]),
                 ("len", lambda: len(n)), ("attr", lambda: n.x), ("iter", lambda: iter(n))]:
    try:
        op()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError", e)
print((1).__add__("a") is NotImplemented, (1).__eq__(None))
print(str(None) + "!", f"{None}", f"{...!r}", "%s" % (None,))
print(None.__class__, None.__bool__(), Ellipsis.__reduce__(), NotImplemented.__reduce__())
d = {None: 1, ...: 2}
print(d[None], d[...])
