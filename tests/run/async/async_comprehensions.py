# async comprehensions and await inside comprehensions
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        yield i
async def double(x):
    return x * 2
async def main():
    a = [x async for x in agen(4)]
    b = {x: await double(x) async for x in agen(3)}
    c = {x % 2 async for x in agen(5)}
    d = [await double(x) for x in range(3)]
    e = [x async for x in agen(6) if x % 2 if x > 1]
    g = (x * 10 async for x in agen(3))
    f = [v async for v in g]
    return a, b, c, d, e, f, type(g).__name__
print(run(main()))
