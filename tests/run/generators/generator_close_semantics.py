# close(): GeneratorExit delivery, return value ignored, exceptions from cleanup propagate
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
gen = g()
print(next(gen))
print(gen.close(), gen.gi_frame)
def cleanup_raises():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")
c = cleanup_raises()
next(c)
try:
    c.close()
except ValueError as e:
    print("ValueError", e)
def never_started():
    print("  never printed")
    yield
n = never_started()
n.close()
print(next(n, "closed"))
def exhausted():
    yield 1
e = exhausted()
list(e)
print(e.close())
def catch_all():
    try:
        yield
    except BaseException as ex:
        print("  swallowed", type(ex).__name__)
    yield "after swallowing"
ca = catch_all()
next(ca)
try:
    ca.close()
except RuntimeError as err:
    print("RuntimeError", err)
