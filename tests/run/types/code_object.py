# code objects
def f(a, b, /, c, *args, d, **kw):
    e = a + b
    def g():
        return e
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_filename, co.co_firstlineno)
print(type(co).__name__, type(co.co_code).__name__, type(co.co_consts).__name__, type(co.co_names).__name__)
g = f(1, 2, 3, d=4)
print(g.__code__.co_freevars, g.__code__.co_name, g.__code__.co_qualname, g.__code__.co_firstlineno)
c2 = compile("x = 1\ny = x + 1", "<test>", "exec")
print(c2.co_filename, c2.co_name, c2.co_names, type(c2).__name__, c2.co_firstlineno)
ns = {}
exec(c2, ns)
print(ns["y"])
c3 = compile("1 + 2", "<e>", "eval")
print(eval(c3), c3.co_name)
c4 = co.replace(co_name="renamed")
print(c4.co_name, co.co_name)
print(sorted(n for n in dir(co) if n.startswith("co_") and n in ("co_argcount", "co_name", "co_names", "co_consts", "co_flags")))
print([line for line in (l for _, _, l in co.co_lines()) if line is not None][:1] == [co.co_firstlineno])
