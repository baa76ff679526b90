# The signal module: handlers, getsignal, raise_signal, errors
import signal

print(int(signal.SIGINT), int(signal.SIGTERM), int(signal.SIGUSR1), signal.NSIG)
print(int(signal.SIG_DFL), int(signal.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
print(signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN)

def handler(signum, frame):
    print("handler", signum, type(frame).__name__, frame.f_code.co_name)

old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)

def caller():
    signal.raise_signal(signal.SIGUSR1)
    print("after raise_signal")

caller()
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print("ignored")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

def raising(signum, frame):
    raise RuntimeError("from the handler")

signal.signal(signal.SIGUSR2, raising)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print(type(e).__name__, e)

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

for args in [(99, signal.SIG_DFL), (0, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_IGN), (2, 5), (2, None), ("x", 1)]:
    try:
        signal.signal(*args)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
for f, args in [(signal.getsignal, (999,)), (signal.raise_signal, (999,)), (signal.strsignal, (99,)),
                (signal.set_wakeup_fd, (999,)), (signal.default_int_handler, ())]:
    try:
        f(*args)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(signal.alarm(0))
print(signal.set_wakeup_fd(-1))
print(signal.SIGINT in signal.valid_signals(), len(signal.valid_signals()))
