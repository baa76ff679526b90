# atexit: last registered runs first; errors are reported and the rest still run
import atexit
import sys

class Named:
    def __init__(self, name, fail=None):
        self.name = name
        self.fail = fail
    def __repr__(self):
        return f"Named({self.name!r})"
    def __call__(self, *args, **kwargs):
        print("run", self.name, args, sorted(kwargs.items()), sys.is_finalizing())
        if self.fail is not None:
            raise self.fail

base = atexit._ncallbacks()
first = Named("first")
print(atexit.register(first, 1, 2, key="v") is first)
atexit.register(Named("raises", ValueError("boom")))
atexit.register(Named("exits", SystemExit(7)))
gone = Named("unregistered")
atexit.register(gone)
atexit.register(gone, "twice")
atexit.register(Named("last"))
print(atexit._ncallbacks() - base)
atexit.unregister(gone)
print(atexit._ncallbacks() - base)
atexit.unregister(Named("never registered"))
for bad in [(), (1,)]:
    try:
        atexit.register(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    atexit.unregister()
except TypeError as e:
    print(type(e).__name__, e)
try:
    atexit._ncallbacks(1)
except TypeError as e:
    print(type(e).__name__, e)
# A callback may register another one while they run.
atexit.register(lambda: atexit.register(Named("registered while running")))
print("end of script", sys.is_finalizing())
