async def f():
    await x
    await f(1)
    async for i in aiter():
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c as d):
        pass
    r = [i async for i in aiter() if await i]
    s = {i: j async for i, j in pairs()}
    g = (await i for i in items)
    return await (yield)

async def gen():
    yield 1
    await asyncio.sleep(0)
