async def numbers():
    yield 1
    raise ValueError("async generator failed")
async def consume():
    async for n in numbers():
        print("got", n)
consume().send(None)
