import errno

print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EPERM, errno.EEXIST)
print(errno.errorcode[2], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(len(errno.errorcode), list(errno.errorcode.items())[:5])
print(sorted(n for n in dir(errno) if n.startswith("E")) == sorted(set(errno.errorcode.values()) | {"EWOULDBLOCK", "EDEADLK", "EOPNOTSUPP"}))
try:
    open("/nonexistent/definitely/not/here")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
