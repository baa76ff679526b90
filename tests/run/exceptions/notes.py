# add_note and __notes__
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second\nmultiline")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(5)
except TypeError as t:
    print("TypeError", t)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("added while handling")
        raise
except KeyError as k:
    print(k.__notes__)
e.__notes__ = ["replaced"]
e.add_note("more")
print(e.__notes__)
e.__notes__ = 5
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError", t)
del e.__notes__
print(hasattr(e, "__notes__"))
