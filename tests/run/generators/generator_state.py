# generator attributes: gi_running, gi_frame, gi_code, gi_yieldfrom, reentrancy
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.gi_yieldfrom, gen.gi_suspended)
next(gen)
print(gen.gi_frame.f_lineno, gen.gi_suspended)
list(gen)
print(gen.gi_frame, gen.gi_running)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
def inner():
    yield "x"
def outer():
    yield from inner_gen
inner_gen = inner()
o = outer()
next(o)
print(o.gi_yieldfrom is inner_gen, repr(o).startswith("<generator object outer at 0x"))
