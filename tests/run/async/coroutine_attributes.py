# coroutine objects: cr_await, cr_running, cr_suspended, __await__ iterator of a coroutine
class Step:
    def __await__(self):
        yield "step"
async def inner():
    await Step()
    return "inner done"
async def outer():
    return await inner()
o = outer()
print(o.cr_await, o.cr_running, o.cr_suspended)
print(o.send(None))
print(type(o.cr_await).__name__, o.cr_await.cr_code.co_name, o.cr_suspended)
try:
    o.send(None)
except StopIteration as e:
    print(e.value, o.cr_await, o.cr_frame)
c = inner()
w = c.__await__()
print(iter(w) is w, next(w))
try:
    next(w)
except StopIteration as e:
    print("via __await__:", e.value)
