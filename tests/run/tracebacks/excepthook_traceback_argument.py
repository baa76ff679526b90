# sys.excepthook's traceback argument is attached to an exception that has none
import sys
try:
    1 / 0
except Exception as e:
    saved = e.__traceback__
e2 = ValueError("no traceback yet")
sys.__excepthook__(ValueError, e2, saved)
print(e2.__traceback__ is saved)
e3 = KeyError("own")
try:
    raise e3
except KeyError:
    pass
sys.__excepthook__(KeyError, e3, saved)
print(e3.__traceback__ is saved)
sys.__excepthook__(KeyError, KeyError("x"), 5)
sys.excepthook(TypeError, TypeError("via excepthook"), None)
