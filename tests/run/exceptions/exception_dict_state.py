# __dict__, notes and pickling helpers of exceptions and their subclasses
class Custom(Exception):
    pass
c = Custom("x")
c.add_note("first")
print(c.__notes__, c.__dict__)
c.extra = 1
print(sorted(c.__dict__))
e = ValueError("v")
e.__dict__ = {"a": 1}
print(e.a, e.__reduce__())
for action in ["del", "int"]:
    try:
        if action == "del":
            del e.__dict__
        else:
            e.__dict__ = 5
    except TypeError as t:
        print("TypeError", t)
print(ValueError(1).__reduce__(), ValueError(1).__setstate__({"b": 2}))
x = ValueError(1)
x.__setstate__({"b": 2})
print(x.b, x.__reduce__())
try:
    x.__setstate__(5)
except TypeError as t:
    print("TypeError", t)
x.__notes__ = "not a list"
try:
    x.add_note("n")
except TypeError as t:
    print("TypeError", t)
try:
    ValueError().add_note(5)
except TypeError as t:
    print("TypeError", t)
s = ValueError()
for attr, val in [("__suppress_context__", 1), ("__context__", 1), ("__cause__", "x"), ("__traceback__", 5)]:
    try:
        setattr(s, attr, val)
    except TypeError as t:
        print(attr, "TypeError", t)
for attr in ["__suppress_context__", "__context__", "__cause__", "__traceback__", "args"]:
    try:
        delattr(s, attr)
    except TypeError as t:
        print(attr, "TypeError", t)
s.__cause__ = None
print(s.__suppress_context__)
