# Warnings written to stderr (captured here through sys.stderr), with and without `warnings` imported.
import io
import sys

buf = io.StringIO()
sys.stderr = buf
import _warnings
_warnings.warn("before warnings import")
_warnings.warn("explicit", UserWarning)
_warnings.warn_explicit("no such file", UserWarning, "nofile.py", 3)
_warnings.warn_explicit("with line", UserWarning, "x.py", 1, module_globals={"__name__": "m", "__loader__": None})
class L:
    def get_source(self, name):
        return "first\n  second line  \nthird\n"
_warnings.warn_explicit("loader line", UserWarning, "x.py", 2, module_globals={"__name__": "m", "__loader__": L()})
try:
    _warnings.warn_explicit("x", UserWarning, "x.py", 1, module_globals=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    _warnings.warn_explicit("x", UserWarning, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)
print("warnings" in sys.modules)
import warnings
warnings.warn("after warnings import")
def f():
    warnings.warn("depr", DeprecationWarning)
f(); f()
sys.stderr = sys.__stderr__
print(buf.getvalue().replace(__file__, "HERE"), end="")
