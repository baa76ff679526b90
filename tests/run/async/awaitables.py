# __await__ and suspension points
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield ("suspended", self.value)
        return ("resumed", received)
async def worker():
    r1 = await Suspend(1)
    print("  worker got", r1)
    r2 = await Suspend(2)
    print("  worker got", r2)
    return "worker done"
c = worker()
print(c.send(None))
print(c.send("first"))
try:
    c.send("second")
except StopIteration as e:
    print("result", e.value)
class BadAwait:
    def __await__(self):
        return 5
async def uses_bad():
    await BadAwait()
try:
    uses_bad().send(None)
except TypeError as e:
    print("TypeError", e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print("TypeError", e)
async def thrower():
    try:
        await Suspend("t")
    except KeyError as e:
        return "caught " + repr(e)
t = thrower()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
async def inner():
    return await Suspend("inner")
async def outer():
    return await inner()
o = outer()
print(o.send(None), o.cr_await is not None)
try:
    o.send("x")
except StopIteration as e:
    print(e.value)
