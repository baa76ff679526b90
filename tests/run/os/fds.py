# File descriptors: open, read, write, lseek, close, dup, dup2, pipe, isatty,
# fstat, ftruncate, fsync, inheritable and blocking flags.
import os
from _osutil import make_base, remove_tree, attempt, show

base = make_base("fds")
try:
    name = os.path.join(base, "f.txt")
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(type(fd).__name__, fd > 2)
    print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"abc")), os.write(fd, memoryview(b"xyz")))
    attempt("write str", os.write, fd, "text")
    attempt("write int", os.write, fd, 3)
    attempt("read write-only", os.read, fd, 3)
    print(os.get_inheritable(fd), os.get_blocking(fd))
    os.fsync(fd)
    class F:
        def fileno(self):
            return fd
    os.fsync(F())
    os.close(fd)
    attempt("close again", os.close, fd)
    attempt("close keyword", os.close, fd=fd)

    fd = os.open(name, os.O_RDWR)
    print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
    print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3))
    print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 10))
    print(os.lseek(fd, 2, os.SEEK_SET), os.lseek(fd, 2, os.SEEK_CUR), os.read(fd, 2))
    attempt("lseek negative", os.lseek, fd, -100, os.SEEK_SET)
    attempt("lseek str", os.lseek, fd, "0", 0)
    attempt("read negative", os.read, fd, -1)
    attempt("read huge", os.read, fd, 2 ** 62)
    attempt("urandom huge", os.urandom, 2 ** 62)
    attempt("read one arg", os.read, fd)
    st = os.fstat(fd)
    print(st.st_size, os.stat(name).st_size, oct(st.st_mode & 0o777))
    os.ftruncate(fd, 5)
    print(os.fstat(fd).st_size)
    os.lseek(fd, 0, 0)
    print(os.read(fd, 100))

    d = os.dup(fd)
    print(d != fd, os.get_inheritable(d), os.lseek(d, 0, os.SEEK_CUR))
    d2 = os.dup2(fd, d + 5)
    print(d2 == d + 5, os.get_inheritable(d2))
    d3 = os.dup2(fd, d + 6, inheritable=False)
    print(d3 == d + 6, os.get_inheritable(d3))
    os.set_inheritable(d3, True)
    print(os.get_inheritable(d3))
    os.set_inheritable(d3, False)
    print(os.get_inheritable(d3))
    for x in (d, d2, d3):
        os.close(x)
    os.closerange(d, d + 7)
    print(os.isatty(fd), os.device_encoding(fd))
    os.close(fd)

    fd = os.open(name, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"++")
    os.close(fd)
    with open(name, "rb") as f:
        print(f.read())
    attempt("open exclusive existing", os.open, name, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    attempt("open missing", os.open, os.path.join(base, "missing"), os.O_RDONLY)
    attempt("open directory for writing", os.open, base, os.O_WRONLY)
    attempt("open bad flags type", os.open, name, "r")
    attempt("open no flags", os.open, name)
    attempt("open dir_fd str", os.open, name, os.O_RDONLY, dir_fd="x")
    dfd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    fd = os.open("f.txt", os.O_RDONLY, dir_fd=dfd)
    print(os.read(fd, 5))
    os.close(fd)
    os.close(dfd)

    r, w = os.pipe()
    print(os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r))
    os.write(w, b"through the pipe")
    print(os.read(r, 7), os.read(r, 100))
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    attempt("read empty nonblocking pipe", os.read, r, 10)
    os.close(w)
    os.set_blocking(r, True)
    print(os.read(r, 10))
    os.close(r)

    for f, a in [(os.read, (99999, 1)), (os.write, (99999, b"x")), (os.lseek, (99999, 0, 0)), (os.dup, (99999,)),
                 (os.dup2, (99999, 5)), (os.fstat, (99999,)), (os.ftruncate, (99999, 0)), (os.fsync, (99999,)),
                 (os.get_inheritable, (99999,)), (os.set_inheritable, (99999, True)), (os.get_blocking, (99999,)),
                 (os.set_blocking, (99999, True))]:
        attempt(f.__name__, f, *a)
    print(os.isatty(99999), os.device_encoding(99999))
    attempt("fsync negative", os.fsync, -1)
    attempt("fsync str", os.fsync, "x")
    attempt("close str", os.close, "x")
    attempt("close float", os.close, 1.5)
    attempt("close huge", os.close, 2 ** 40)
    os.closerange(99990, 99999)
finally:
    remove_tree(base)
print(os.path.exists(base))
