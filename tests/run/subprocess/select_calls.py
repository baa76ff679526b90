# select.select, poll and epoll on pipes, with argument errors.
import os, select

r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b"x")
print(select.select([r], [w], [r], 0.0))
print(select.select([], [], [], 0.001))
print(select.select({r}, set(), frozenset(), 0), select.select((x for x in [w]), iter([]), (), 0))
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
f = F(r)
print(select.select([f], [], [], 0)[0] == [f])
for args in [(), ([],), ([], [], [], 1, 2), (1, [], []), ([], [], [], "x"), ([], [], [], -1), ([-1], [], []),
             ([2000], [], []), (["a"], [], []), ([], [], [], float("nan"))]:
    try:
        print(select.select(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(select.error is OSError)

p = select.poll()
p.register(r)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
print(p.poll(1.5) != [])
p.modify(w, select.POLLIN)
print(p.poll(0))
p.unregister(r)
print(p.poll(0))
for fn in [lambda: p.register(-1), lambda: p.register("x"), lambda: p.modify(55, 1), lambda: p.unregister(77),
           lambda: p.poll("x"), lambda: p.register(0, 70000), lambda: p.register(0, -1), lambda: p.poll(2 ** 70)]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)

e = select.epoll()
print(e.closed, e.fileno() > 2, type(e).__name__)
e.register(r, select.EPOLLIN)
e.register(w, select.EPOLLOUT)
print(sorted(e.poll(0)))
print(e.poll(timeout=0, maxevents=1) in ([(r, 1)], [(w, 4)]))
e.modify(r, select.EPOLLOUT)
print(e.poll(0, 4))
e.unregister(w)
os.read(r, 1)
print(e.poll(0.001))
for fn in [lambda: e.register(-1), lambda: e.register(r), lambda: e.unregister(99), lambda: e.poll("x"),
           lambda: e.poll(0, 0), lambda: e.poll(0, -5), lambda: select.epoll(0), lambda: select.epoll(-2),
           lambda: select.epoll(flags=5), lambda: e.modify(w, 1)]:
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)
e.close()
print(e.closed)
for fn in [e.fileno, e.close, lambda: e.register(r), lambda: e.poll(), lambda: e.__enter__()]:
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
print([k for k in dir(select) if k.isupper()])
print(select.EPOLLET, select.POLLRDHUP, select.PIPE_BUF)
os.close(r); os.close(w)
