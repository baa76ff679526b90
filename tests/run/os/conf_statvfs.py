# sysconf/pathconf/confstr and their name tables, statvfs/fstatvfs,
# pipe2 and sendfile.
import os
from _osutil import make_base, remove_tree, attempt

print(type(os.sysconf_names).__name__, len(os.sysconf_names), len(os.pathconf_names), len(os.confstr_names))
print(os.sysconf_names["SC_PAGESIZE"], os.pathconf_names["PC_NAME_MAX"], os.confstr_names["CS_PATH"])
print(sorted(os.pathconf_names.items()) == sorted(os.pathconf_names.items()), sorted(os.confstr_names)[:3])
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]) > 0, os.sysconf("SC_CLK_TCK"))
print(os.sysconf("SC_NPROCESSORS_ONLN") == os.cpu_count())
attempt("sysconf unknown", os.sysconf, "SC_NOPE")
attempt("sysconf float", os.sysconf, 1.5)
attempt("sysconf bad int", os.sysconf, 12345)
print(os.pathconf("/", "PC_NAME_MAX"), os.pathconf(b"/", os.pathconf_names["PC_NAME_MAX"]))
fd = os.open("/", os.O_RDONLY)
print(os.fpathconf(fd, "PC_NAME_MAX"), os.pathconf(fd, "PC_NAME_MAX"))
attempt("pathconf missing", os.pathconf, "/surely/not/here", "PC_NAME_MAX")
attempt("pathconf bad name", os.pathconf, "/", "PC_NOPE")
print(os.confstr("CS_PATH"), type(os.confstr("CS_GNU_LIBC_VERSION")).__name__)
attempt("confstr bad", os.confstr, 12345)

s = os.statvfs("/")
print(type(s).__name__, len(s), s.f_bsize == s[0], isinstance(s.f_fsid, int), s.f_namemax)
print(os.statvfs_result.n_fields, os.statvfs_result.n_sequence_fields, os.statvfs_result.__match_args__)
print(os.fstatvfs(fd).f_blocks == s.f_blocks, os.statvfs(fd).f_bsize == s.f_bsize)
os.close(fd)
attempt("statvfs missing", os.statvfs, "/surely/not/here")
attempt("fstatvfs bad", os.fstatvfs, 99999)
print(os.statvfs in os.supports_fd, os.pathconf in os.supports_fd)

r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_inheritable(w))
attempt("read empty", os.read, r, 1)
os.close(r)
os.close(w)
attempt("pipe2 bad flags", os.pipe2, 12345)

base = make_base("conf")
try:
    src = os.path.join(base, "src")
    with open(src, "wb") as f:
        f.write(b"0123456789")
    i = os.open(src, os.O_RDONLY)
    o = os.open(os.path.join(base, "dst"), os.O_WRONLY | os.O_CREAT)
    print(os.sendfile(o, i, 2, 5), os.lseek(i, 0, os.SEEK_CUR), os.sendfile(o, i, None, 3), os.lseek(i, 0, os.SEEK_CUR))
    attempt("sendfile negative count", os.sendfile, o, i, 0, -1)
    attempt("sendfile bad fd", os.sendfile, 99999, i, 0, 1)
    os.close(i)
    os.close(o)
    with open(os.path.join(base, "dst"), "rb") as f:
        print(f.read())
finally:
    remove_tree(base)
