# stacklevel from module code run by an import: importlib's bootstrap frames are skipped.
import sys
import warnings

def show(message, category, filename, lineno, file=None, line=None):
    print("show", message, filename.replace("\\", "/").rsplit("/", 2)[-2:], lineno)
warnings.showwarning = show
warnings.simplefilter("always")

import _wmod
del sys.modules["_wmod"]
import importlib
importlib.import_module("_wmod")
del sys.modules["_wmod"]
def via_function():
    __import__("_wmod")
via_function()
