async def f():
    x = await y = 1
