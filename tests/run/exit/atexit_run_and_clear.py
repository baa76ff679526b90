# atexit._run_exitfuncs runs and forgets the callbacks; _clear drops them
import atexit

calls = []
atexit.register(calls.append, 1)
atexit.register(calls.append, 2)
atexit._run_exitfuncs()
print(calls, atexit._ncallbacks())
atexit.register(print, "cleared, never printed")
atexit._clear()
print(atexit._ncallbacks())
atexit.register(print, "printed at exit", sep="|", end="!\n")
