# The posix module under os: names, environ, fspath, path argument errors,
# stat_result, and the information calls.
import os, sys, posix, stat
from _osutil import attempt

print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.devnull)
print(os.path is sys.modules["os.path"], os.path.__name__)
print(posix.error is OSError, os.error is OSError)
print(type(posix.environ).__name__, all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in posix.environ.items()))
print(type(os.environ).__name__, "PATH" in os.environ, os.getenv("PYRITE_SURELY_UNSET", "default"))
print(os.environb[b"PATH"] == os.environ["PATH"].encode(), os.environ["PATH"] == posix.environ[b"PATH"].decode())
for name in ["stat", "lstat", "fstat", "listdir", "scandir", "open", "read", "write", "close", "mkdir",
             "rmdir", "unlink", "remove", "rename", "replace", "chdir", "chmod", "access", "utime",
             "symlink", "readlink", "link", "truncate", "getcwd", "getcwdb", "fspath", "urandom",
             "uname", "cpu_count", "get_terminal_size", "times", "umask", "strerror", "_exit",
             "getpid", "getppid", "getuid", "geteuid", "getgid", "getegid", "walk", "fsencode",
             "fsdecode", "makedirs", "removedirs", "kill", "waitpid", "fork", "putenv", "unsetenv"]:
    if not hasattr(os, name):
        print("missing", name)
print(os.stat in os.supports_fd, os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks)
print(os.access in os.supports_effective_ids, os.listdir in os.supports_fd, os.mkdir in os.supports_dir_fd)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.EX_OK, os.EX_USAGE, os.WNOHANG)

# fspath
print(os.fspath("a"), os.fspath(b"b"))
class P:
    def __init__(self, v):
        self.v = v
    def __fspath__(self):
        return self.v
print(os.fspath(P("p")), os.fspath(P(b"q")))
attempt("fspath int", os.fspath, 3)
attempt("fspath bad return", os.fspath, P(3))
attempt("fspath no arg", os.fspath)
attempt("fspath keyword", os.fspath, path="k")

# path argument conversion
attempt("stat list", os.stat, [1])
attempt("stat None", os.stat, None)
attempt("stat float", os.stat, 1.5)
attempt("stat str null", os.stat, "a\0b")
attempt("stat bytes null", os.stat, b"a\0b")
attempt("stat PathLike", os.stat, P("/surely/not/here"))
attempt("stat PathLike bad", os.stat, P(1.5))
attempt("stat bytes missing", os.stat, b"/surely/not/here")
attempt("stat bad fd", os.stat, 99999)
attempt("stat huge fd", os.stat, 2 ** 40)
attempt("stat negative huge fd", os.stat, -2 ** 40)
attempt("stat dir_fd str", os.stat, "x", dir_fd="a")
attempt("stat fd and dir_fd", os.stat, 0, dir_fd=0)
attempt("stat fd no follow", os.stat, 1, follow_symlinks=False)
print(type(os.stat(0, follow_symlinks=False)).__name__)
attempt("stat no args", os.stat)
attempt("stat bad keyword", os.stat, "x", bogus=1)
attempt("lstat fd", os.lstat, 0)
attempt("listdir list", os.listdir, [])
attempt("listdir missing", os.listdir, "/surely/not/here")
attempt("listdir bad fd", os.listdir, 99999)
attempt("rename int", os.rename, 1, "x")
attempt("rename missing", os.rename, "/surely/not/here", "/surely/not/there")
attempt("chdir None", os.chdir, None)

try:
    os.rename("/surely/not/here", "/surely/not/there")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e.filename2, e.args)
try:
    os.stat("/surely/not/here")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e.filename2, e.args)

# stat_result
s = os.stat(".")
print(type(s).__name__, type(s).__module__, len(s), stat.S_ISDIR(s.st_mode), stat.S_ISDIR(s[0]))
print(type(s.st_atime).__name__, type(s.st_atime_ns).__name__, type(s.st_blksize).__name__, type(s[7]).__name__)
print(s[7] == int(s.st_atime), s.st_mtime_ns // 10 ** 9 == s[8], s.st_ino == s[1])
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
print(os.stat_result.__match_args__)
r = os.stat_result(range(10))
print(r, r.st_atime, r.st_mtime, r.st_atime_ns, r.st_blksize)
r = os.stat_result(range(19))
print(r, r.st_atime, r.st_ctime_ns, r.st_rdev, tuple(r))
attempt("stat_result short", os.stat_result, range(3))
print(os.stat_result.st_mode.__doc__, "|", os.stat_result.st_atime_ns.__doc__)
print(os.lstat(".") == os.stat("."), os.stat(".", follow_symlinks=False) == os.lstat("."))
fd = os.open(".", os.O_RDONLY)
print(os.fstat(fd) == os.stat(fd) == os.stat("."))
os.close(fd)
attempt("fstat bad", os.fstat, 99999)

# getcwd
print(os.getcwd() == os.path.abspath("."), os.getcwdb() == os.fsencode(os.getcwd()), type(os.getcwdb()).__name__)

# information
print(os.getpid() == os.getpid(), os.getppid() > 0, os.getuid() == os.getuid(), type(os.getegid()).__name__)
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(0))
attempt("strerror str", os.strerror, "2")
u = os.urandom(16)
print(type(u).__name__, len(u), len(os.urandom(0)))
attempt("urandom negative", os.urandom, -1)
un = os.uname()
print(type(un).__name__, len(un), un.sysname, un.sysname == un[0], all(isinstance(x, str) for x in un))
print(un.__class__.__module__, os.uname_result.__match_args__ if hasattr(os, "uname_result") else None)
print(isinstance(os.cpu_count(), int))
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user == t[0])
old = os.umask(0o22)
print(oct(os.umask(old)))
attempt("terminal size of a file", os.get_terminal_size, os.open("/dev/null", os.O_RDONLY))
attempt("terminal size bad fd", os.get_terminal_size, 99999)
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines)
la = os.getloadavg()
print(type(la).__name__, len(la))
print(sorted(os.listdir("tests/run/os"))[:1])
