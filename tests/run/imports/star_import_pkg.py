# from package import * honours __all__ (importing listed submodules)
from _ipkg import *
print(PKG_VALUE, _leaf.LEAF, _lazy.LAZY)
print(sorted(n for n in dir() if not n.startswith("__")))
