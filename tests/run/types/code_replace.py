# code.replace() and code object attributes
def f(a, b=2, *args, c, **kw):
    x = a + b
    return x
co = f.__code__
c2 = co.replace(co_name="g", co_qualname="Q.g", co_filename="other.py", co_firstlineno=40)
print(c2.co_name, c2.co_qualname, c2.co_filename, c2.co_firstlineno, co.co_name, co.co_filename == __file__)
print(c2.co_argcount, c2.co_kwonlyargcount, c2.co_varnames == co.co_varnames, c2.co_consts == co.co_consts, c2 is not co)
c3 = co.replace(co_consts=co.co_consts, co_names=co.co_names, co_flags=co.co_flags, co_stacksize=co.co_stacksize)
print(c3.co_flags == co.co_flags, c3.co_names == co.co_names, c3.co_nlocals == co.co_nlocals)
f.__code__ = co.replace(co_name="renamed")
print(f(1, c=0), f.__code__.co_name, f.__name__)
for kw in [dict(co_name=1), dict(co_argcount="a"), dict(co_argcount=-1), dict(foo=1), dict(co_names=[1]), dict(co_consts=[1]),
           dict(co_filename=None), dict(co_code="x"), dict(co_names=(1,))]:
    try:
        print(co.replace(**kw))
    except Exception as e:
        print(type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError", e)
for f2 in [lambda: co.co_lines(1), lambda: co.co_positions(1), lambda: setattr(co, "co_name", "x")]:
    try:
        f2()
    except Exception as e:
        print(type(e).__name__, e)
