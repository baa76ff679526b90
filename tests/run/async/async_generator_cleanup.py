# async generators: finally blocks on aclose, athrow into a finished generator, ag_ attributes
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("  agen finally")
async def main():
    g = agen()
    print(await g.__anext__())
    await g.aclose()
    print("closed; running:", g.ag_running)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after close")
    g2 = agen()
    async for v in g2:
        print("  value", v)
        break
    await g2.aclose()
    g3 = agen()
    await g3.__anext__()
    try:
        await g3.athrow(KeyError("thrown"))
    except KeyError as e:
        print("KeyError", e)
    print(g3.ag_frame, type(g3.ag_code).__name__)
run(main())
