# a tiny round-robin scheduler of coroutines
class Yield:
    def __await__(self):
        yield
async def task(name, n):
    for i in range(n):
        print(name, "step", i)
        await Yield()
    return name + " finished"
def schedule(coros):
    queue = list(coros)
    results = []
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results
print(schedule([task("A", 3), task("B", 1), task("C", 2)]))
