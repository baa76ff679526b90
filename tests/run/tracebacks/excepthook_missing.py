# sys.excepthook deleted: the display says so, then shows the exception
import sys
def hook(t, v, tb):
    print("hook got", t.__name__, v, tb is v.__traceback__)
sys.excepthook = hook
del sys.excepthook
raise ValueError("original")
