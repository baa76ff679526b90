# with: __enter__/__exit__, suppression, exceptions inside, multiple managers
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print("both", x, y)
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__context__))
