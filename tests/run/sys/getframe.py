# sys._getframe
import sys
def who_called():
    return sys._getframe(1).f_code.co_name
def caller_a():
    return who_called()
def caller_b():
    return who_called()
print(caller_a(), caller_b(), sys._getframe().f_code.co_name)
def line():
    return sys._getframe(1).f_lineno
print(line())
print(line())
def f(x):
    return sys._getframe().f_locals
print(f(5))
try:
    sys._getframe(-1)
except ValueError as e:
    print("ValueError", e)
