# raise: class, instance, re-raise, non-exceptions
for thing in [ValueError, ValueError("inst"), 5, "str", object, int]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
class NoArgs(Exception):
    def __init__(self, needed):
        super().__init__(needed)
try:
    raise NoArgs
except TypeError as e:
    print("TypeError", e)
def f():
    raise StopIteration("from f")
try:
    f()
except StopIteration as e:
    print("StopIteration", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
class Weird:
    pass
try:
    raise Weird()
except TypeError as e:
    print("TypeError", e)
