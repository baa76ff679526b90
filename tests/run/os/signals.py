# os.kill and os.killpg run the Python signal handlers of signals sent to
# this process before returning (and propagate what they raise).
import os, signal
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print(got == [signal.SIGUSR1])
try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
def h(s, f):
    raise RuntimeError("from handler")
signal.signal(signal.SIGUSR2, h)
try:
    os.killpg(os.getpgrp(), 0)
    os.kill(os.getpid(), signal.SIGUSR2)
except RuntimeError as e:
    print("raised", e)
