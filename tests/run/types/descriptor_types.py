# the descriptor types of builtin classes: their types, reprs, attributes and errors
print(type(str.join).__name__, type(dict.__dict__["fromkeys"]).__name__, type(int.__add__).__name__, type((1).__add__).__name__,
      type(int.real).__name__, type(list.__dict__["__new__"]).__name__, type([].append).__name__)
print(repr(list.append), repr(dict.__dict__["fromkeys"]), repr(int.__add__), repr(int.real), repr(type.__dict__["__name__"]))
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__, list.__add__.__objclass__,
      list.__add__.__qualname__, list.__add__.__name__, int.real.__name__, int.real.__objclass__, int.real.__qualname__)
m = [1].__add__
print(m.__name__, m.__qualname__, m.__self__, m.__objclass__, m([2]), type(m).__name__, m.__text_signature__ is None or True)
print(dict.__dict__["fromkeys"](dict, "ab"), dict.__dict__["fromkeys"].__get__(None, dict)("xy", 0))
print(type(str.join) is type(list.append), type(dict.__dict__["fromkeys"]) is type(int.__dict__["from_bytes"]),
      type(object.__init__) is type(int.__add__), type(object().__str__) is type((1).__add__))
for f in [lambda: list.append(), lambda: list.append(1, 2), lambda: list.__add__(), lambda: list.__add__((1,), [2]),
          lambda: int.__add__("a", 1), lambda: str.upper(1), lambda: int.real.__get__("x"), lambda: int.real.__set__(1, 2),
          lambda: list.__len__([1], 2), lambda: dict.__dict__["fromkeys"](), lambda: object.__init__.__get__(None, None)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list.append.__doc__, dict.fromkeys.__doc__.splitlines()[0], len.__doc__, object.__doc__.splitlines()[0])
print([].append.__doc__, str.join.__doc__.splitlines()[0], type.__doc__.splitlines()[0], list.__doc__.splitlines()[0])
class K:
    def f(self): pass
print(type(K().f).__doc__.splitlines()[0], (lambda: 0).__get__(1).__doc__, abs.__text_signature__ is None or True)
