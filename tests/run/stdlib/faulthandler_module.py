# faulthandler: tracebacks written straight to a descriptor on request, on
# a user signal, after a timeout and on a fatal signal.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import time


def show(text):
    print(re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text).replace(__file__, "CASE"), end="")


def captured(action):
    with tempfile.TemporaryFile() as f:
        action(f)
        f.seek(0)
        show(f.read().decode())


def inner(f):
    faulthandler.dump_traceback(f)
    faulthandler.dump_traceback(f.fileno(), all_threads=False)


captured(inner)
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def on_signal(f):
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))


captured(on_signal)


def later(f):
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.3)
    faulthandler.dump_traceback_later(0.05, repeat=True, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.2)


captured(later)

for call in (
    lambda: faulthandler.register(signal.SIGSEGV),
    lambda: faulthandler.register(0),
    lambda: faulthandler.dump_traceback_later(0),
    lambda: faulthandler.dump_traceback_later(float("nan")),
    lambda: faulthandler.dump_traceback_later(1e300),
    lambda: faulthandler.dump_traceback(file=-1),
    lambda: faulthandler.dump_traceback(file=object()),
    lambda: faulthandler.enable(1, 2, 3),
):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

crash = "import faulthandler, os\nfaulthandler.enable()\ndef boom():\n    os.abort()\nboom()\n"
for args in ([sys.executable, "-c", crash], [sys.executable, "-X", "faulthandler", "-c", "import os, signal; os.kill(os.getpid(), signal.SIGFPE)"]):
    p = subprocess.run(args, capture_output=True, text=True)
    print(p.returncode)
    show(p.stderr)
p = subprocess.run([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV); print('alive')"], capture_output=True, text=True)
print(p.returncode, repr(p.stdout))
print(signal.getsignal(signal.SIGSEGV), signal.getsignal(signal.SIGBUS))
