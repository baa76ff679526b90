# signal masks, sigpending/sigwait, pthread_kill, siginterrupt and interval timers
import signal, os, threading, time
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.pthread_sigmask(signal.SIG_SETMASK, set()))
for call in (lambda: signal.pthread_sigmask(99, []), lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]),
             lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [1000]), lambda: signal.pthread_sigmask(signal.SIG_BLOCK, 5),
             lambda: signal.setitimer(99, 1), lambda: signal.getitimer(99)):
    try: call()
    except Exception as e: print(type(e).__name__, e)
print(signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals()) == set())
print(len(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
got = []
signal.signal(signal.SIGUSR2, lambda s, f: got.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR2)
print("blocked", got)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print("unblocked", got)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print("pthread_kill", got)
signal.siginterrupt(signal.SIGUSR2, False)
signal.siginterrupt(signal.SIGUSR2, True)
print(signal.ItimerError.__mro__[1], signal.ItimerError.__module__, signal.ItimerError.__name__)
fired = []
signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
d, i = signal.getitimer(signal.ITIMER_REAL)
print(0 < d <= 0.05, i)
time.sleep(0.2)
print("alarm", fired)
print(signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL))
