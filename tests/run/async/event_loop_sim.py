# a tiny event loop: tasks wait on timers measured in ticks, results gathered in completion order
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self.ticks
async def task(name, delays):
    for d in delays:
        await Sleep(d)
        print(f"tick: {name} woke after {d}")
    return name
def run(tasks):
    now = 0
    waiting = [(0, i, t) for i, t in enumerate(tasks)]
    done = []
    while waiting:
        waiting.sort()
        wake, i, t = waiting.pop(0)
        now = wake
        try:
            delay = t.send(None)
            waiting.append((now + delay, i, t))
        except StopIteration as e:
            done.append((now, e.value))
    return done
print(run([task("a", [3, 1]), task("b", [1, 1, 1]), task("c", [5])]))
