# a custom sys.excepthook gets uncaught exceptions; sys.__excepthook__ with bad values
import sys
def hook(t, v, tb):
    print("hook:", t.__name__, v, type(tb).__name__)
sys.excepthook = hook
try:
    sys.__excepthook__(ValueError, ValueError("direct"), None)
except Exception as e:
    print("err", e)
try:
    sys.__excepthook__(1, 2, 3)
except Exception as e:
    print(type(e).__name__, e)
raise KeyError("boom")
