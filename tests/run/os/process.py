# Processes and the environment: fork, waitpid, the wait status helpers,
# kill, _exit, execv, system, putenv/unsetenv through os.environ.
import os, sys, signal
from _osutil import attempt

for status in [0, 1 << 8, 3 << 8, 9, 15, 0x7F | (19 << 8), 0xFFFF]:
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.WTERMSIG(status),
          os.WIFSTOPPED(status), os.WSTOPSIG(status), os.WIFCONTINUED(status), os.WCOREDUMP(status))
print(os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9), os.WIFEXITED(status=0))
attempt("waitstatus_to_exitcode stopped", os.waitstatus_to_exitcode, 0x7F | (19 << 8))
attempt("WIFEXITED str", os.WIFEXITED, "x")

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.write(1, b"child writes\n")
    os._exit(7)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
attempt("waitpid no child", os.waitpid, -1, 0)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(3)
r = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(r).__name__, r.si_pid == pid, r.si_status, r.si_code == os.CLD_EXITED, r.si_signo, r.si_uid == os.getuid(), len(r))
attempt("waitid no child", os.waitid, os.P_ALL, 0, os.WEXITED)
attempt("waitid bad options", os.waitid, os.P_ALL, 0, 0)
print(repr(os.waitid_result((1, 2, 3, 4, 5))))
gate_r, gate_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(gate_w)
    os.read(gate_r, 1)
    os._exit(4)
os.close(gate_r)
print(os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG), os.waitpid(pid, os.WNOHANG))
os.close(gate_w)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(os.waitpid(-1, os.WNOHANG) if False else "skip")

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    os._exit(0)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGKILL, os.waitstatus_to_exitcode(status) == -signal.SIGKILL)

sys.stdout.flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    os.execv("/bin/sh", ["sh", "-c", "echo from exec $0", "zero"])
    os._exit(99)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
attempt("execv empty argv", os.execv, "/bin/sh", [])
attempt("execv argv str", os.execv, "/bin/sh", "sh")
attempt("execv empty first", os.execv, "/bin/sh", [""])
attempt("execv missing", os.execv, "/surely/not/here", ["x"])
attempt("execve bad env", os.execve, "/bin/sh", ["sh"], 3)

sys.stdout.flush()
print(os.waitstatus_to_exitcode(os.system("exit 3")), os.system("true"))

os.kill(os.getpid(), 0)
attempt("kill bad signal", os.kill, os.getpid(), 12345)
attempt("kill no such process", os.kill, 2 ** 22 + 12345, 0)

os.environ["PYRITE_OS_TEST"] = "value é"
print(os.environ["PYRITE_OS_TEST"], os.getenv("PYRITE_OS_TEST"), os.environb[b"PYRITE_OS_TEST"])
sys.stdout.flush()
os.system('printf "%s\\n" "$PYRITE_OS_TEST"')
del os.environ["PYRITE_OS_TEST"]
print("PYRITE_OS_TEST" in os.environ, os.getenv("PYRITE_OS_TEST"))
sys.stdout.flush()
os.system('printf "[%s]\\n" "$PYRITE_OS_TEST"')
attempt("environ bad key", os.environ.__setitem__, 1, "x")
attempt("environ bad value", os.environ.__setitem__, "X", 1)
attempt("environ missing", os.environ.__getitem__, "PYRITE_SURELY_UNSET")
attempt("putenv empty name", os.putenv, "", "x")
attempt("putenv equals", os.putenv, "A=B", "x")
attempt("putenv null", os.putenv, "A", "x\0y")
attempt("putenv int", os.putenv, 1, "x")
attempt("unsetenv equals", os.unsetenv, "A=B")
os.putenv(b"PYRITE_OS_BYTES", b"raw")
sys.stdout.flush()
os.system('printf "%s\\n" "$PYRITE_OS_BYTES"')
os.unsetenv("PYRITE_OS_BYTES")
sys.stdout.flush()
os.system('printf "[%s]\\n" "$PYRITE_OS_BYTES"')
print(type(os.environ.copy()).__name__, repr(os.environ)[:9])
