# OSError(errno, msg) picks the matching subclass
import builtins
codes = {1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 9: "EBADF", 10: "ECHILD", 11: "EAGAIN", 13: "EACCES", 17: "EEXIST",
         20: "ENOTDIR", 21: "EISDIR", 32: "EPIPE", 104: "ECONNRESET", 110: "ETIMEDOUT", 111: "ECONNREFUSED", 999: "unknown"}
for code, name in codes.items():
    e = OSError(code, "message")
    print(code, name, type(e).__name__, e.errno, e.strerror, str(e))
print(issubclass(ConnectionRefusedError, ConnectionError), issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError))
print(str(FileNotFoundError(2, "No such file or directory", "missing.txt")), str(OSError(1, "a", "f1", None, "f2")))
print(repr(OSError()), repr(OSError("one")), repr(OSError(2, "x")), str(OSError(2)), OSError(2).errno)
