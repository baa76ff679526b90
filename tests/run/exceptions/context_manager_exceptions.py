# exceptions passed to __exit__ and the effect of its return value
class Recorder:
    def __init__(self, suppress):
        self.suppress = suppress
        self.seen = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = (et.__name__ if et else None, str(ev) if ev else None, tb is not None)
        return self.suppress
for suppress in [False, True, 0, "yes"]:
    r = Recorder(suppress)
    try:
        with r:
            raise KeyError("boom")
        print(repr(suppress), "suppressed", r.seen)
    except KeyError:
        print(repr(suppress), "propagated", r.seen)
r = Recorder(False)
with r:
    pass
print(r.seen)
class ExitReturnsRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None
def in_generator():
    with ExitReturnsRaises():
        yield 1
        raise ValueError("in gen")
g = in_generator()
next(g)
try:
    next(g)
except ValueError as e:
    print("ValueError", e)
