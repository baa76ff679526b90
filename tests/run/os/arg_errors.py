# Argument count and keyword errors of the posix functions and methods.
import os, pwd

def check(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(getattr(f, "__name__", f), "TypeError", e)

for f in (pwd.getpwuid, pwd.getpwnam, pwd.getpwall, os.strerror, os.urandom, os.umask, os.dup, os.isatty,
          os.get_inheritable, os.get_blocking, os.unsetenv, os.getcwd, os.getcwdb, os.pipe, os.uname,
          os.getpid, os.getppid, os.getuid, os.times, os.cpu_count, os.fork, os.abort, os.getloadavg):
    check(f, 1, 2, 3, 4)
    check(f, x=1)
for f in (pwd.getpwuid, pwd.getpwnam, os.strerror, os.urandom, os.umask, os.dup, os.isatty, os.get_inheritable,
          os.get_blocking, os.unsetenv, os.execv, os.closerange, os.lseek, os.kill, os.waitpid, os.putenv,
          os.set_blocking, os.set_inheritable, os.ftruncate, os.read, os.write, os.stat, os.lstat, os.fstat,
          os.mkdir, os.rmdir, os.unlink, os.remove, os.rename, os.replace, os.chdir, os.chmod, os.access,
          os.utime, os.symlink, os.readlink, os.link, os.truncate, os.open, os.close, os.dup2, os.fsync,
          os.device_encoding, os.fspath, os._exit, os.WIFEXITED, os.waitstatus_to_exitcode, os.execve, os.system):
    check(f)
for f in (os.get_terminal_size, os.execv, os.closerange, os.lseek, os.kill, os.waitpid, os.putenv, os.read):
    check(f, 1, 2, 3, 4)
    check(f, x=1)
check(os.listdir, ".", ".")
check(os.listdir, bogus=".")
check(os.scandir, ".", ".")
check(os.mkdir, "x", 0o777, 3)
check(os.stat, "x", None, True)
check(os.rename, "a", "b", 3)
check(os.open, "x", os.O_RDONLY, 0o777, 3)
check(os.stat, "x", path="x")
e = next(iter(sorted(os.scandir("tests/run/os"), key=lambda e: e.name)))
it = os.scandir("tests/run/os")
for f in (e.is_symlink, e.inode, e.__fspath__, it.close, e.is_dir, e.is_file, e.stat):
    check(f, 1)
check(e.is_dir, follow=True)
check(e.stat, follow_symlinks=True, x=1)
it.close()
check(os.WCOREDUMP, status=0)
check(os.WIFEXITED, 1, 2)
print(os.getpriority(which=os.PRIO_PROCESS, who=0) == os.getpriority(os.PRIO_PROCESS, 0))
check(os.lchown, "/x", 0, 0, dir_fd=1)
check(os.utime, "/x", None, None)
check(os.register_at_fork, before=print, bogus=1)
check(os.dup2, 1, fd2=1, inheritable=True, x=1)
