# async with and async for over user objects
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class ACM:
    def __init__(self, suppress=False):
        self.suppress = suppress
    async def __aenter__(self):
        print("  aenter")
        return "resource"
    async def __aexit__(self, typ, val, tb):
        print("  aexit", typ.__name__ if typ else None)
        return self.suppress
class ACounter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with ACM() as r:
        print("  body", r)
    async with ACM(suppress=True):
        raise ValueError("suppressed")
    try:
        async with ACM():
            raise KeyError("escapes")
    except KeyError as e:
        print("  caught", e)
    total = 0
    async for v in ACounter(4):
        total += v
    else:
        print("  async for else")
    async for v in ACounter(10):
        if v == 3:
            break
    print("  broke at", v)
    return total
print(run(main()))
async def bad_with():
    async with 5:
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print("TypeError", e)
