# contextvars (native _contextvars): variables, tokens, contexts, run(),
# copy_context, their errors, and decimal's contexts that rely on them.
import contextvars
from contextvars import ContextVar, Context, copy_context, Token

v = ContextVar("v", default=1)
w = ContextVar("w")
print(v.name, v.get(), w.get(5))
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)
t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(3)
print(t2.old_value)
v.reset(t2)
print(v.get())
for bad in (lambda: v.reset(t2), lambda: w.reset(t), lambda: v.reset("x")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0].split(" var=")[0])
ctx = copy_context()
print(v in ctx, ctx[v], len(ctx), list(ctx.keys()) == [v], ctx.get(w, "d"))
def f(x):
    v.set(x)
    return v.get(), len(copy_context())
print(ctx.run(f, 10), v.get(), ctx[v])
try:
    ctx.run(lambda: ctx.run(f, 1))
except RuntimeError as e:
    print("RuntimeError", str(e).split(" at 0x")[0])
c2 = Context()
print(len(c2), list(c2), c2.run(lambda: v.get()))
try:
    c2[1]
except TypeError as e:
    print("TypeError", e)
try:
    ContextVar(1)
except TypeError as e:
    print("TypeError", e)
try:
    Token()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    class X(ContextVar): pass
except TypeError as e:
    print("TypeError", e)
print(ContextVar[int], ctx == ctx.copy(), ctx == c2)
# tokens made in another context
tk = ctx.run(lambda: w.set(1))
try:
    w.reset(tk)
except ValueError as e:
    print("ValueError", str(e).split(" at 0x")[0].split(" var=")[0], "different Context" in str(e))
import decimal
print(decimal.Decimal("1.1") + decimal.Decimal("2.2"), decimal.getcontext().prec)
with decimal.localcontext() as lc:
    lc.prec = 3
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
