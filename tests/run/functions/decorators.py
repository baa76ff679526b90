# decorators: plain, with arguments, stacked, on classes
def trace(fn):
    def wrapper(*args, **kw):
        print("call", fn.__name__, args, kw)
        return fn(*args, **kw)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, b=2), add.__name__, add.__wrapped__(3, 4))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def tag(label):
    def deco(fn):
        print("decorating", fn.__name__, "with", label)
        return fn
    return deco
@tag("outer")
@tag("inner")
def stacked():
    return "stacked"
print(stacked())
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.__name__)
@lambda fn: fn()
def run_immediately():
    return "ran"
print(run_immediately)
items = {"d": lambda f: (lambda: "dict-decorated " + f())}
@items["d"]
def via_subscript():
    return "x"
print(via_subscript())
def replace_with_value(fn):
    return 42
@replace_with_value
def gone():
    pass
print(gone)
