# warnings.warn under each filter action; shown warnings go to a recorder.
import sys
import warnings

shown = []
def show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, filename == __file__, lineno))
warnings.showwarning = show

def emit(text, cat=UserWarning):
    warnings.warn(text, cat)

def run(action, n=3, **kw):
    shown.clear()
    warnings.resetwarnings()
    warnings.simplefilter(action, **kw)
    for i in range(n):
        emit("msg")
    emit("other")
    for i in range(2):
        warnings.warn("direct")
        warnings.warn("direct")
    print(action, shown)

for action in ["default", "always", "module", "once", "ignore"]:
    run(action)

warnings.resetwarnings()
warnings.simplefilter("error")
try:
    emit("boom")
except UserWarning as e:
    print(type(e).__name__, e, e.args)
try:
    warnings.warn(RuntimeWarning("inst"))
except RuntimeWarning as e:
    print(type(e).__name__, e)

# A warning instance gives its own category.
warnings.resetwarnings()
warnings.simplefilter("always")
shown.clear()
warnings.warn(DeprecationWarning("dep"), UserWarning)
warnings.warn("cat", FutureWarning)
warnings.warn("none-cat", None)
print(shown)

# Categories that are not Warning subclasses.
for bad in [TypeError, int, "x", 3]:
    try:
        warnings.warn("m", bad)
    except TypeError as e:
        print(type(e).__name__, e)

# Filters with message / module / lineno / category parts.
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="ign")
warnings.filterwarnings("error", category=FutureWarning)
warnings.filterwarnings("ignore", module="__main__", lineno=9999)
shown.clear()
warnings.warn("ignore me")
warnings.warn("IGNORE case-insensitive")
warnings.warn("keep me")
try:
    warnings.warn("future", FutureWarning)
except FutureWarning as e:
    print("raised", e)
print(shown)

# Unknown actions and malformed filters.
warnings.filters[:] = [("bogus", None, Warning, None, 0)]
try:
    warnings.warn("x")
except RuntimeError as e:
    print(type(e).__name__, e)
warnings.filters[:] = [("always", None, Warning)]
try:
    warnings.warn("x")
except ValueError as e:
    print(type(e).__name__, e)
warnings.filters[:] = [(1, None, Warning, None, 0)]
try:
    warnings.warn("x")
except TypeError as e:
    print(type(e).__name__, e)
warnings.filters[:] = []
warnings.defaultaction = "error"
try:
    warnings.warn("by default")
except UserWarning as e:
    print("default action", e)
warnings.defaultaction = "default"
warnings.resetwarnings()
