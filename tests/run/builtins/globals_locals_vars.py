# globals(), locals(), vars()
g = globals()
print(g is globals(), g["__name__"], "g" in g)
g["injected"] = 7
print(injected)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
def f2():
    x = 1
    def inner():
        return x
    return sorted(locals())
print(f2())
class C:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
o = C()
o.q = 1
print(vars(o), vars(C)["attr"], type(vars(C)).__name__)
for bad in [1, "s", None]:
    try:
        vars(bad)
    except TypeError as e:
        print("TypeError", e)
print(locals() is globals(), sorted(k for k in vars() if k in ("g", "f", "C")))
