# __reduce__ of the exception families and the docstrings of builtin exception types
print(ImportError().__reduce__(), ImportError("m", name="n").__reduce__())
print(ImportError("m", name=None, path="p").__reduce__())
i = ImportError("m", name="n")
i.extra = 1
print(i.__reduce__())
print(KeyError(1).__reduce__(), SystemExit(3).__reduce__(), StopIteration().__reduce__())
print(UnicodeDecodeError("utf-8", b"x", 0, 1, "r").__reduce__())
print(OSError(1, "x", "f").__reduce__(), OSError(1, "x", "f", None, "g").__reduce__())
print(OSError(1, "x").__reduce__(), OSError(1, 2, 3).__reduce__(), OSError(1, 2, None, None, "g").__reduce__())
o = OSError(2, "x")
o.filename = "late"
print(o.__reduce__())
class Custom(Exception):
    pass
c = Custom(1, 2)
print(c.__reduce__())
c.tag = "t"
print(c.__reduce__())
rebuilt = c.__reduce__()[0](*c.__reduce__()[1])
rebuilt.__setstate__(c.__reduce__()[2])
print(repr(rebuilt), rebuilt.tag)
import builtins
for name in sorted(dir(builtins)):
    obj = getattr(builtins, name)
    if isinstance(obj, type) and issubclass(obj, BaseException) and obj.__name__ == name:
        print(name, repr(obj.__doc__))
