# signal is CPython's Lib/signal.py over the native _signal: Signals and
# Handlers enums, handlers returned as CPython returns them.
import signal
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(2), signal.Handlers.SIG_DFL)
print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
old = signal.signal(signal.SIGUSR1, lambda s, f: print("got", s))
print(old)
import os
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL).__class__.__name__)
print(signal.strsignal(signal.SIGINT), signal.valid_signals() >= {signal.SIGINT})
