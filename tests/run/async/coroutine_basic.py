# coroutines driven by send(None) without an event loop
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
c = main()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_frame is not None, c.cr_code.co_name)
print(run(c))
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def raiser():
    raise ValueError("in coroutine")
try:
    run(raiser())
except ValueError as e:
    print("ValueError", e)
async def nested(n):
    if n == 0:
        return "bottom"
    return await nested(n - 1) + "+"
print(run(nested(5)))
co = add(1, 1)
co.close()
print("closed unstarted")
pending = add(1, 2)
try:
    next(pending)
except TypeError as e:
    print("TypeError", e)
try:
    iter(pending)
except TypeError as e:
    print("TypeError", e)
pending.close()
