# getattr with dunder names and methods of builtin objects
print(getattr([1, 2], "__len__")(), getattr("abc", "__getitem__")(1), getattr(5, "__add__")(3), getattr({}, "__class__").__name__)
print(getattr(int, "__name__"), getattr(str, "upper")("x"), getattr(type, "__mro__"), getattr(None, "__bool__")())
print(getattr(len, "__name__"), getattr(print, "__self__").__name__, getattr(getattr, "__qualname__"))
