# builtin functions and methods as objects
print(len.__name__, len.__qualname__, type(len).__name__, repr(len), len.__module__, len.__self__.__name__)
print([].append.__name__, [].append.__qualname__, type([].append).__name__, repr(str.upper), repr(dict.fromkeys).startswith("<built-in method fromkeys"))
print(repr(abs), repr(print), callable(len), len.__doc__.splitlines()[0])
print(type(str.join).__name__, type("".join).__name__, type(dict.__dict__["fromkeys"]).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
m = "abc".upper
print(m(), m.__self__, m.__name__, str.upper("x"), str.upper.__objclass__.__name__)
try:
    len.x = 1
except AttributeError as e:
    print("AttributeError", e)
for f in [lambda: len(), lambda: len(1, 2), lambda: abs(x=1), lambda: "a".upper(1), lambda: str.upper(1), lambda: divmod(1),
          lambda: print(sepp=1), lambda: [].append(), lambda: {}.get(), lambda: int.__add__("a", 1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
