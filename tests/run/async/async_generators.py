# async generators: asend, athrow, aclose, async for
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        yield i
    print("  agen done")
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(consume()))
a = agen(2)
print(type(a).__name__, a.__name__, a.ag_running)
async def manual():
    it = a.__aiter__()
    print(it is a)
    print(await it.__anext__())
    print(await a.asend(None))
    try:
        await a.__anext__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
run(manual())
async def echo():
    v = yield "first"
    while True:
        v = yield "got " + str(v)
async def talk():
    e = echo()
    print(await e.asend(None))
    print(await e.asend(1))
    print(await e.asend(2))
    await e.aclose()
    try:
        await e.asend(3)
    except StopAsyncIteration:
        print("closed")
run(talk())
async def catching():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)
async def throw_into():
    c = catching()
    print(await c.__anext__())
    print(await c.athrow(ValueError("x")))
run(throw_into())
async def comp():
    return [v * 10 async for v in agen(3)]
print(run(comp()))
async def stop_in_agen():
    yield 1
    raise StopAsyncIteration
async def use_stop():
    try:
        async for v in stop_in_agen():
            print("  v", v)
    except RuntimeError as e:
        print("RuntimeError", e)
run(use_stop())
