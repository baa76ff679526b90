# generator.throw with a type, an instance, a type and value; exception traceback through the generator
def g():
    try:
        yield 1
    except Exception as e:
        print("  caught inside:", type(e).__name__, e.args)
        yield "recovered"
    yield "after"
for args in [(ValueError,), (ValueError("inst"),), (KeyError, "k"), (TypeError, TypeError("pair"))]:
    gen = g()
    next(gen)
    print(gen.throw(*args), next(gen))
gen = g()
next(gen)
try:
    gen.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")
def no_catch():
    yield 1
gen = no_catch()
next(gen)
try:
    gen.throw(RuntimeError("direct"))
except RuntimeError as e:
    print("RuntimeError", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
try:
    g().throw(5)
except TypeError as e:
    print("TypeError", e)
