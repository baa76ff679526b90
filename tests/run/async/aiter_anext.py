# builtins aiter() and anext()
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    yield "a"
    yield "b"
async def main():
    it = aiter(agen())
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    for bad in [[1], 5]:
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        await anext([1])
    except TypeError as e:
        print("TypeError", e)
run(main())
