# keyword arguments, family fields and str() of SyntaxError, ImportError, NameError, AttributeError
for make in [lambda: ImportError("a", x=1), lambda: ModuleNotFoundError("a", x=1), lambda: NameError("a", x=1),
             lambda: UnboundLocalError("a", y=2), lambda: AttributeError("a", x=1), lambda: ValueError("a", x=1),
             lambda: StopIteration(x=1), lambda: SystemExit(1, x=1), lambda: SyntaxError("m", ("f", 1, 2, "t"), x=1),
             lambda: SyntaxError("m", 5), lambda: SyntaxError("m", ("f", 1)), lambda: SyntaxError("m", (1, 2, 3, 4, 5, 6, 7))]:
    try:
        print(repr(make()))
    except TypeError as e:
        print("TypeError", e)
i = ImportError("msg", name="mod", path="p")
print(str(i), i.name, i.path, i.msg)
i.__init__("other")
print(str(i), i.name, i.path, i.msg)
e = ImportError("a")
e.msg = 5
print(str(e))
e = ImportError("a", "b")
print(repr(e.msg), str(e))
n = NameError("x", name="x")
print(n.name, AttributeError("y", name="n", obj=5).obj)
print(repr(str(SyntaxError())), str(SyntaxError("m", ("a/b.py", True, 1, "t"))), str(SyntaxError("m", (5, 2, 1, "t"))))
print(str(SyntaxError("m", ("dir/f.py", 3, 1, "t", 3, 2))), SyntaxError("m", ("f", 1, 2, "t")).end_lineno)
s = SyntaxError("m", ("f", 1, 2, "t", 1, 3))
s.__init__("n")
print(s.msg, s.filename, s.end_offset, s.args)
print(SystemExit(1, 2).code, SystemExit().code, StopIteration(1, 2).value, StopIteration().value)
print(KeyError("k"), KeyError("k", "j"), KeyError(), repr(KeyError("k")))
class Named(Exception):
    pass
Named.__name__ = "Renamed"
print(repr(Named(1)), repr(Named(1, 2)), repr(Named()))
