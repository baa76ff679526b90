# await inside try/except/finally and with-blocks of coroutines
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
class Tick:
    def __await__(self):
        yield
        return "tick"
async def guarded():
    log = []
    try:
        log.append(await Tick())
        raise ValueError("inside")
    except ValueError as e:
        log.append(await Tick() + " in except " + str(e))
    finally:
        log.append(await Tick() + " in finally")
    return log
print(run(guarded()))
class AsyncCM:
    async def __aenter__(self):
        await Tick()
        return "entered"
    async def __aexit__(self, *exc):
        await Tick()
        return False
async def with_awaits():
    async with AsyncCM() as v:
        return v + " " + await Tick()
print(run(with_awaits()))
