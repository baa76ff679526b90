# Past the recursion limit there is no headroom for handlers: a handler
# that recurses again gets RecursionError again, so the doubling recursion
# below ends (it used to run for ever).
import sys


def recurse_in_body_and_except():
    try:
        recurse_in_body_and_except()
    except:
        recurse_in_body_and_except()


def recurse_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        recurse_in_except()


def depth():
    f, n = sys._getframe(), 0
    while f:
        f, n = f.f_back, n + 1
    return n


limit = sys.getrecursionlimit()
sys.setrecursionlimit(depth() + 12)
try:
    for func in (recurse_in_body_and_except, recurse_in_except):
        try:
            func()
        except RecursionError:
            print(func.__name__, "RecursionError")
finally:
    sys.setrecursionlimit(limit)
print("limit restored", sys.getrecursionlimit() == limit)
