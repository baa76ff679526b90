import _thread


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


lock = _thread.allocate_lock()
show("type", lambda: (type(lock).__name__, type(lock) is _thread.LockType, _thread.error is RuntimeError, _thread.TIMEOUT_MAX))
show("repr", lambda: repr(lock).split(" object")[0])
show("acquire", lambda: (lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01)))
show("repr locked", lambda: repr(lock).split(" object")[0])
show("release", lambda: (lock.release(), lock.locked()))
show("release unlocked", lambda: lock.release())
show("timeout nonblocking", lambda: lock.acquire(False, 1))
show("negative timeout", lambda: lock.acquire(timeout=-2))
with lock:
    show("with", lambda: lock.locked())
show("after with", lambda: lock.locked())
r = _thread.RLock()
show("rlock repr", lambda: repr(r).split(" owner")[0])
show("rlock", lambda: (r.acquire(), r.acquire(), r._is_owned(), r._recursion_count()))
show("rlock repr held", lambda: repr(r).split(" owner")[0] + " count=" + repr(r).split("count=")[1].split(" ")[0])
show("rlock release", lambda: (r.release(), r.release(), r._is_owned(), r._recursion_count()))
show("rlock over-release", lambda: r.release())
with r:
    with r:
        show("rlock nested", lambda: r._recursion_count())
show("ident", lambda: (_thread.get_ident() == _thread.get_ident(), isinstance(_thread.get_ident(), int), _thread.get_native_id() > 0))
show("stack_size", lambda: (_thread.stack_size(), _thread.stack_size(0)))
show("stack_size small", lambda: _thread.stack_size(100))
show("count", lambda: _thread._count())
show("new lock instance", lambda: _thread.LockType())


class Sub(_thread.RLock):
    pass


show("rlock subclass", lambda: repr(Sub()).split(" owner")[0])
import functools, reprlib
show("users", lambda: (functools.RLock is _thread.RLock, reprlib.get_ident is _thread.get_ident))
loc = _thread._local()
loc.x = 1
show("local", lambda: (loc.x, loc.__dict__, type(loc).__name__, _thread._local.__module__))
show("local args", lambda: _thread._local(1))


class SubLocal(_thread._local):
    def __init__(self, a):
        self.a = a


show("local subclass", lambda: (SubLocal(5).a, SubLocal(6).__dict__))
show("local del missing", lambda: delattr(loc, "y"))
show("local dict assign", lambda: setattr(loc, "__dict__", {}))
del loc.x
show("local del", lambda: (hasattr(loc, "x"), loc.__dict__))
