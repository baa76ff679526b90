# yield as an expression: values of yield, yield in various positions
def g():
    x = yield 1
    print("  x =", x)
    y = (yield x) + 10
    print("  y =", y)
    z = [(yield), (yield)]
    print("  z =", z)
    return "end"
gen = g()
print(next(gen))
print(gen.send("a"))
print(gen.send(5))
print(gen.send("p"))
try:
    gen.send("q")
except StopIteration as e:
    print("StopIteration", e.value)
def bare_yield():
    yield
    yield
print(list(bare_yield()))
def yield_in_args():
    print("  args:", (yield "first"), (yield "second"))
gen2 = yield_in_args()
print(next(gen2), gen2.send(1))
try:
    gen2.send(2)
except StopIteration:
    print("stopped")
def yield_lambda():
    f = lambda: (yield 5)
    return list(f())
print(yield_lambda())
