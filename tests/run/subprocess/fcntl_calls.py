# fcntl flags round trip, locks and errors.
import fcntl, os, tempfile

r, w = os.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
print(fl & os.O_NONBLOCK)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD))
print(os.get_inheritable(r))
fd2 = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 10)
print(fd2 >= 10, fcntl.fcntl(fd2, fcntl.F_GETFD))
os.close(fd2)
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
print(fcntl.fcntl(r, fcntl.F_GETFD, b"ab"), fcntl.fcntl(r, fcntl.F_GETFD, "cd"))
class F:
    def fileno(self): return w
print(fcntl.fcntl(F(), fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY)
for fn in [lambda: fcntl.fcntl(0, 1.5), lambda: fcntl.fcntl(r, 1, 1.5), lambda: fcntl.fcntl(-1, 1),
           lambda: fcntl.fcntl(999, 1), lambda: fcntl.fcntl(r, 1, b"x" * 2000), lambda: fcntl.flock(999, 1),
           lambda: fcntl.ioctl(r, 1, 1.5), lambda: fcntl.fcntl("a", 1), lambda: fcntl.fcntl(r, 1, []),
           lambda: fcntl.ioctl(r, 2 ** 33), lambda: fcntl.fcntl(r, 2 ** 33), lambda: fcntl.lockf(r, 0),
           lambda: fcntl.fcntl(r, 1, None), lambda: fcntl.fcntl(r, 1, bytearray(3)), lambda: fcntl.fcntl(r)]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX)
    fcntl.lockf(f, fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB, 10, 0, 0)
    print("locks ok")
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_SETLKW, fcntl.F_OFD_SETLK)
os.close(r); os.close(w)
