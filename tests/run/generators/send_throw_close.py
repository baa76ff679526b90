# send, throw, close
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
            print("  got", value)
    except GeneratorExit:
        print("  closing with", received)
        raise
    finally:
        print("  finally")
g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
g.close()
g.close()
try:
    echo().send("x")
except TypeError as e:
    print("TypeError", e)
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  caught", e)
            yield "handled"
c = catcher()
next(c)
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "dead"))
def fresh():
    yield 1
f = fresh()
try:
    f.throw(IndexError, "not started")
except IndexError as e:
    print("IndexError", e)
print(next(f, "dead after throw"))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RuntimeError", e)
def return_on_close():
    try:
        yield
    finally:
        return "x"
r = return_on_close()
next(r)
print(r.close())
g2 = echo()
g2.close()
print(next(g2, "closed before start"))
