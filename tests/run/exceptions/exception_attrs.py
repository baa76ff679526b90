# specific attributes: OSError errno/strerror, SyntaxError fields, UnicodeError fields, ImportError name, AttributeError/NameError name
o = OSError(2, "No such file or directory")
print(o, o.errno, o.strerror, o.filename, o.args, type(o).__name__)
o2 = OSError(2, "No such file", "path.txt")
print(o2, o2.filename, type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(17, "x")).__name__)
print(FileNotFoundError.__mro__[1].__name__, OSError("just message").errno, OSError(1, 2, 3, 4, 5).args)
s = SyntaxError("bad thing", ("file.py", 3, 5, "x = = 1\n", 3, 7))
print(s, s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, s.args)
print(SyntaxError("m"), SyntaxError().msg, IndentationError("i").__class__.__mro__[1].__name__)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u, u.encoding, u.object, u.start, u.end, u.reason)
u2 = UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)")
print(u2, u2.object)
i = ImportError("msg", name="mod", path="p")
print(i, i.name, i.path, i.msg)
try:
    object().nope
except AttributeError as e:
    print(e, e.name, e.obj is not None)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
k = KeyError("key")
print(str(k), k.args[0])
print(StopIteration(5).value, OSError(2, "x").characters_written if hasattr(OSError(2, "x"), "characters_written") else "no cw")
b = BlockingIOError(11, "would block", "f", None, 7)
print(b.characters_written if hasattr(b, "characters_written") else "none", b.args)
