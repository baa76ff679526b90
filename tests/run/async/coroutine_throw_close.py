# throw() and close() on suspended coroutines
class Pause:
    def __await__(self):
        yield "paused"
async def worker():
    try:
        await Pause()
        return "normal"
    except ValueError as e:
        return "handled " + str(e)
    finally:
        print("  worker finally")
w = worker()
print(w.send(None))
try:
    w.throw(ValueError("injected"))
except StopIteration as e:
    print("result:", e.value)
w2 = worker()
w2.send(None)
w2.close()
print("closed", w2.cr_frame)
async def unhandled():
    await Pause()
u = unhandled()
u.send(None)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
async def awaits_twice():
    r1 = await Pause()
    r2 = await Pause()
    return (r1, r2)
a = awaits_twice()
print(a.send(None), a.send("one"))
try:
    a.send("two")
except StopIteration as e:
    print(e.value)
