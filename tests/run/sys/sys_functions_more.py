# more sys functions and their argument errors
import sys
print(sys.getswitchinterval(), sys.setswitchinterval(0.25), sys.getswitchinterval())
print(sys.call_tracing(max, (3, 9, 4)), sys.getfilesystemencodeerrors(), sys.getfilesystemencoding())
print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
def first(agen):
    pass
sys.set_asyncgen_hooks(firstiter=first)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is first, hooks.finalizer, hooks[0] is first)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
print(sys.get_coroutine_origin_tracking_depth(), sys.set_coroutine_origin_tracking_depth(2), sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
print(sys.audit("nobody.listens", 1, 2))
events = []
sys.addaudithook(lambda event, args: events.append((event, args)) if event.startswith("test.") else None)
sys.audit("test.event", 1, "two")
sys.audit("test.other")
print(events)
print(sys.__breakpointhook__ is sys.breakpointhook, sys.__unraisablehook__ is sys.unraisablehook, sys.__displayhook__ is sys.displayhook)
for f in [lambda: sys.setswitchinterval(0), lambda: sys.setswitchinterval("x"), lambda: sys.setswitchinterval(),
          lambda: sys.call_tracing(len), lambda: sys.call_tracing(len, [1]), lambda: sys.set_asyncgen_hooks(firstiter=5),
          lambda: sys.set_asyncgen_hooks(finalizer=5), lambda: sys.set_coroutine_origin_tracking_depth(-1),
          lambda: sys.audit(), lambda: sys.audit(5), lambda: sys.addaudithook(), lambda: sys.exc_info(1), lambda: sys.intern(),
          lambda: sys.intern(b"x"), lambda: sys.setrecursionlimit(), lambda: sys.displayhook(), lambda: sys.excepthook(),
          lambda: sys.exit(1, 2), lambda: sys.exit(code=1), lambda: sys._getframe("x"), lambda: sys._getframe(1, 2),
          lambda: sys._getframe(10**6), lambda: sys.getsizeof(), lambda: sys.getsizeof(1, 2, 3), lambda: sys.getrefcount(),
          lambda: sys.gettrace(1), lambda: sys.getdefaultencoding(1), lambda: sys.getfilesystemencodeerrors(1),
          lambda: sys.setrecursionlimit(1.5), lambda: sys.setrecursionlimit(2**40)]:
    try:
        print("ok", f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(object=1) > 0, sys.getsizeof(5, default=3) > 0)
print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names), "os" in sys.stdlib_module_names, "sys" in sys.stdlib_module_names, sys.abiflags == "")
