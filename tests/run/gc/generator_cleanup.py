# Suspended generators run their cleanup when destroyed or collected.
import gc

gc.collect()

def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

g = gen("dropped")
next(g)
del g
print("after del")

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)

def withgen():
    with Ctx():
        yield 1

w = withgen()
next(w)
w = None
print("after with")

# A generator in a cycle: collected, and its finally block runs.
def cyc():
    me = yield
    try:
        yield 1
    finally:
        print("finally cycle")

c = cyc()
next(c)
c.send(c)
del c
print("collected", gc.collect() > 0)

print("end")
