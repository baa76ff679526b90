# stacklevel picks the frame whose file, line and module the warning names.
import sys
import warnings

def show(message, category, filename, lineno, file=None, line=None):
    print("show", message, category.__name__, filename.rsplit("/", 1)[-1], lineno)
warnings.showwarning = show
warnings.simplefilter("always")

def inner(level):
    warnings.warn("level %d" % level, stacklevel=level)

def outer(level):
    inner(level)

for level in [-5, 0, 1, 2, 3, 4]:
    outer(level)
# Beyond the outermost frame: "sys", line 1, registry in sys's dict.
outer(50)
print("__warningregistry__" in sys.__dict__)
# The module comes from the frame's globals.
warnings.resetwarnings()
warnings.filterwarnings("error", module="other")
g = {"__name__": "other"}
try:
    exec("import warnings\nwarnings.warn('in other')", g)
except UserWarning as e:
    print(type(e).__name__, e)
g = {"__name__": 5}
warnings.filterwarnings("error", module="<string>")
try:
    exec("import warnings\nwarnings.warn('in <string>')", g)
except UserWarning as e:
    print(type(e).__name__, e)
try:
    warnings.warn("x", stacklevel="a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    warnings.warn()
except TypeError as e:
    print(type(e).__name__, e)
