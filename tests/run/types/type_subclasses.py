# type.__subclasses__(): builtin subclasses, user classes, and classes that are gone
print(sorted(c.__name__ for c in int.__subclasses__() if c.__module__ == "builtins"))
print(sorted(c.__name__ for c in LookupError.__subclasses__() if c.__module__ == "builtins"), sorted(c.__name__ for c in OSError.__subclasses__() if c.__module__ == "builtins")[:4])
print(ExceptionGroup in Exception.__subclasses__(), ExceptionGroup in BaseExceptionGroup.__subclasses__())
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(A.__subclasses__(), B.__subclasses__(), C.__subclasses__(), D.__subclasses__())
print([c.__name__ for c in A.__subclasses__()], [c.__name__ for c in B.__subclasses__()])
print(type.__subclasses__(A) == A.__subclasses__(), bool.__subclasses__(), object in type.__subclasses__(object))
for f in [lambda: A.__subclasses__(1), lambda: type.__subclasses__(), lambda: type.__subclasses__(1), lambda: A.mro(1)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
class E:
    def __eq__(self, o):
        return True
class F(E):
    pass
class G(E):
    __hash__ = object.__hash__
print(E.__hash__, F.__hash__, G.__hash__ is object.__hash__, hash(G()) is not None)
for x in (E(), F()):
    try:
        hash(x)
    except TypeError as e:
        print("TypeError", e)
