# OSError: file names, args trimming, str forms, characters_written, reduce, subclasses
def show(e):
    print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
show(OSError(2, "No such file", "a.txt"))
show(OSError(1, "Not permitted", "a", None, "b"))
show(OSError(1, "x", None, None, "g"))
show(OSError(None, None, "f"))
show(OSError("just", "two"))
show(OSError(5))
show(OSError(2, "x", "f", 4, "g", 6))
show(OSError(True, "bool errno"))
show(OSError(2.0, "float errno"))
o = OSError(1, "x")
o.filename = None
print(str(o))
o = OSError(1, "x", "f")
del o.filename
print(str(o), o.args)
print(OSError(1, "x", "f").__reduce__())
print(OSError(1, "x", "f", None, "g").__reduce__())
print(OSError(1, "x").__reduce__(), OSError(1, 2, 3).__reduce__())
b = BlockingIOError(11, "would block", 5)
print(b.characters_written, b.args, b.filename, str(b))
b.characters_written = 7
print(b.characters_written)
del b.characters_written
for action in ["get", "del", "set"]:
    try:
        if action == "get":
            b.characters_written
        elif action == "del":
            del b.characters_written
        else:
            b.characters_written = "x"
    except (AttributeError, TypeError) as e:
        print(action, type(e).__name__, e)
print(hasattr(OSError(), "winerror"), hasattr(OSError(), "characters_written"))
class WithInit(OSError):
    def __init__(self, *args):
        print("init sees", self.args)
        super().__init__(*args)
w = WithInit(2, "x", "f")
print(type(w).__name__, repr(w), w.filename)
class Plain(OSError):
    pass
print(type(Plain(2, "x")).__name__, repr(Plain(2, "x", "f")))
for bad in [lambda: OSError(1, "x", kw=1), lambda: FileNotFoundError(a=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(IOError(13, "denied")).__name__, EnvironmentError is OSError)
for third in [5, 5.5, 1+2j, "f", None, True]:
    try:
        b = BlockingIOError(11, "x", third)
        print(repr(third), b.args, b.filename, getattr(b, "characters_written", "-"))
    except Exception as e:
        print(repr(third), type(e).__name__, e)
