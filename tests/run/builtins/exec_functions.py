# exec'd code defines functions and classes that see the exec globals
ns = {"base": 100}
exec("""
def add(x):
    return base + x
class K:
    attr = base * 2
    def m(self):
        return add(1)
result = [add(i) for i in range(3)]
""", ns)
print(ns["add"](5), ns["K"].attr, ns["K"]().m(), ns["result"], ns["add"].__module__ if "__name__" in ns else "no __name__")
ns["base"] = 0
print(ns["add"](5))
loc = {}
exec("a = 1\nb = a + 1\ndef f():\n    return 'f'\n", {}, loc)
print(sorted(loc), loc["b"], loc["f"]())
code = compile("total = sum(range(n))", "<calc>", "exec")
for n in [3, 10]:
    env = {"n": n}
    exec(code, env)
    print(n, env["total"])
def scope_test():
    x = 1
    exec("x = 2")
    return x
print(scope_test())
g = {}
exec("import sys as system\nv = system.maxsize > 0", g)
print(g["v"], "system" in g)
