# StopIteration: value attribute, raised by next, converted in generators, in for loops
it = iter([])
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value, e.args)
e = StopIteration("a", "b")
print(e.value, e.args)
class Iter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)
for x in Iter():
    print("never")
print(list(Iter()), next(Iter(), "default"))
def gen():
    return "gen result"
    yield
try:
    next(gen())
except StopIteration as e:
    print("value:", e.value)
def gen_raises_stop():
    yield 1
    raise StopIteration("converted")
try:
    list(gen_raises_stop())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
