# isinstance / issubclass with tuples, unions and errors
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, (str, (float, int))), isinstance("s", ()))
print(isinstance(1, int | str), isinstance(None, type(None) | int), isinstance([], object), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(int, int), issubclass(bool, int | str), issubclass(object, int))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(A(), B), issubclass(B, (int, A)))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class M(metaclass=Meta): pass
print(isinstance("magic", M), isinstance(1, M), issubclass(int, M), issubclass(str, M))
for f in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 1)),
          lambda: isinstance(1, list[int])]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
