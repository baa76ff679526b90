# from module import * honours __all__; underscore names are never star-imported without it
from _with_all import *
print(public, also)
try:
    not_exported
except NameError as e:
    print("NameError", e)
import _with_all
print(_with_all.not_exported, _with_all._private, sorted(_with_all.__all__))
from _helper import *
print("_private_check" in dir(), greet("star"))
