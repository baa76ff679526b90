# eval() and exec(): namespaces, return values, errors
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("  3 + 3  "), eval("len('abc')"))
g = {"a": 1}
exec("b = a + 1\nc = [b] * 2", g)
print(g["b"], g["c"], "__builtins__" in g)
l = {}
exec("d = 5", {}, l)
print(l)
print(exec("1 + 1"), eval("None"))
x = 10
def f():
    x = 20
    return eval("x"), eval("x", globals())
print(f())
exec("def h(n):\n    return n * 3\n", g)
print(g["h"](4))
for src in ["1 +", "import", "x = = 1"]:
    try:
        eval(src)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
for f in [lambda: eval("undefined_name"), lambda: eval("1/0"), lambda: eval(5), lambda: exec("raise KeyError('k')"),
          lambda: eval("x", 1), lambda: eval("x", {}, 1), lambda: exec("x = 1", None, 5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}), eval("abs(-1)", {"__builtins__": {"abs": abs}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
print(eval(b"2 + 2"), eval("a", None, {"a": "m"}), eval("[i for i in range(3)]"))
