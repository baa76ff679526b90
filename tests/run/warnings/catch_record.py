# catch_warnings(record=True), showwarning replaced by the user, and errors.
import warnings

def f():
    warnings.warn("deprecated thing", DeprecationWarning)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    warnings.warn("user thing")
    warnings.warn(SyntaxWarning("syn"))
    warnings.warn_explicit("explicit", RuntimeWarning, "somefile.py", 42)
for x in w:
    print(x.category.__name__, x.message, x.lineno, x.filename.endswith("catch_record.py"), x.line)
print(len(w))

with warnings.catch_warnings(record=True) as w:
    # Default filters: DeprecationWarning shown only in __main__, ignored elsewhere.
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    f(); f()
    g = {"__name__": "lib"}
    exec("import warnings\nwarnings.warn('lib dep', DeprecationWarning)", g)
print([str(x.message) for x in w])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except DeprecationWarning as e:
        print("error:", type(e).__name__, e)

seen = []
def myshow(message, category, filename, lineno, file=None, line=None):
    seen.append((str(message), category.__name__, lineno))
old = warnings.showwarning
warnings.showwarning = myshow
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("to my hook")
    warnings.warn("again", ResourceWarning)
warnings.showwarning = old
print(seen)

def bad_show(*a, **k):
    raise KeyError("from hook")
warnings.showwarning = bad_show
try:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("x")
except KeyError as e:
    print(type(e).__name__, e)
warnings.showwarning = old

print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line"), end="")
