# Unraisable exceptions (a failing __del__, a generator ignoring
# GeneratorExit) go through sys.unraisablehook with UnraisableHookArgs;
# a hook that fails, None or a missing hook fall back to the default report.
import sys


class L:
    def __del__(self):
        raise RuntimeError("del failed")


def show(u):
    obj = getattr(u.object, "__qualname__", type(u.object).__name__)
    print("hook:", type(u).__name__, u.exc_type.__name__, u.exc_value, u.err_msg, obj,
          u.exc_traceback is not None, len(u))


sys.unraisablehook = show
l = L()
del l


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignores_exit()
next(g)
del g

seen = []
sys.unraisablehook = seen.append
l = L()
del l
u = seen.pop()
print(u.exc_traceback.tb_lineno, u.exc_traceback.tb_frame.f_code.co_name, u[0] is u.exc_type, u[4] is u.object)


class Quiet:
    """Its repr has no address, so the default report can be compared."""
    def __repr__(self):
        return "<Quiet>"

    def __del__(self):
        raise KeyError("quiet")


def bad_hook(u):
    raise ValueError("hook failed: " + u.exc_type.__name__)


class BadHook:
    def __repr__(self):
        return "<BadHook>"

    def __call__(self, u):
        raise ValueError("hook failed: " + u.exc_type.__name__)


import io
import re

for hook in (None, BadHook(), sys.__unraisablehook__, "missing"):
    if hook == "missing":
        del sys.unraisablehook
    else:
        sys.unraisablehook = hook
    print("hook is", hook if hook in (None, "missing") else type(hook).__name__)
    sys.stderr = io.StringIO()
    q = Quiet()
    del q
    report, sys.stderr = sys.stderr.getvalue(), sys.__stderr__
    print(re.sub(" at 0x[0-9a-f]+", " at ADDR", report), end="")
sys.unraisablehook = sys.__unraisablehook__


# Generators' names can be set (str only), as CPython allows.
def gen():
    yield


g = gen()
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Q.renamed at "))
for attr, value in (("__name__", 1), ("__qualname__", None)):
    try:
        setattr(g, attr, value)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del g.__name__
except TypeError as e:
    print(type(e).__name__, e)
