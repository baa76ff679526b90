# import of a module file in the script's directory, executed once
import sys
import _helper
print(_helper.VALUE, _helper.greet("world"), _helper.Thing(), _helper.__name__, type(_helper).__name__)
import _helper as h
print(h is _helper, "_helper" in sys.modules)
from _helper import greet, VALUE as V
print(greet("again"), V)
import _other
print(_other.doubled, _other._helper is _helper)
_helper.counter += 1
import _helper
print(_helper.counter)
from _helper import *
print(Thing(), greet("star"))
print(sorted(k for k in vars(_helper) if not k.startswith("__")))
