# The recursion depth sys.setrecursionlimit measures, as CPython counts it:
# each frame, plus the native call running module code, exec, eval and
# class bodies; a generator's frame while it runs.
import sys


def probe():
    for n in range(1, 100):
        try:
            sys.setrecursionlimit(n)
        except RecursionError:
            continue
        sys.setrecursionlimit(1000)
        return n - 1


def f():
    return probe()


def gen():
    yield probe()
    yield from gen2()


def gen2():
    yield probe()


class C:
    in_class = probe()


print("module", probe(), "function", f(), "class", C.in_class)
print("exec", exec("global e; e = probe()") or e, "eval", eval("probe()"))
print("comprehension", [probe() for _ in range(1)], "lambda via map", list(map(lambda x: probe(), [1])))
print("generators", list(gen()))
try:
    sys.setrecursionlimit(2)
except RecursionError as e:
    print(e)
n = 0


def deep():
    global n
    n += 1
    deep()


try:
    deep()
except RecursionError:
    print("calls before RecursionError", n)
