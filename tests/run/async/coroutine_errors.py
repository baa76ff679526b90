# coroutine misuse errors
import sys
async def coro():
    return 1
c = coro()
c.send(None) if False else None
try:
    c.send(1)
except TypeError as e:
    print("TypeError", e)
c.close()
async def reenter():
    await me
me = reenter()
try:
    me.send(None)
except ValueError as e:
    print("ValueError", e)
async def gen_like():
    return 5
g = gen_like()
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    g.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    g.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)
except ValueError as e:
    print("ValueError", repr(e))
