# Extended attributes: setxattr, getxattr, listxattr, removexattr on a
# path, through a symlink or not, and on an fd.
import os
from _osutil import make_base, remove_tree, attempt

base = make_base("xattr")
try:
    f = os.path.join(base, "f")
    with open(f, "w"):
        pass
    print(os.XATTR_CREATE, os.XATTR_REPLACE, os.XATTR_SIZE_MAX)
    attempt("setxattr", os.setxattr, f, "user.k", b"value")
    attempt("getxattr", os.getxattr, f, "user.k")
    attempt("getxattr bytes names", os.getxattr, f.encode(), b"user.k")
    attempt("listxattr", os.listxattr, f)
    attempt("setxattr create existing", os.setxattr, f, "user.k", b"v", os.XATTR_CREATE)
    attempt("setxattr replace missing", os.setxattr, f, "user.other", b"v", os.XATTR_REPLACE)
    attempt("setxattr bytearray", os.setxattr, f, "user.k", bytearray(b"ba"))
    attempt("getxattr after", os.getxattr, f, "user.k")
    attempt("setxattr str value", os.setxattr, f, "user.k", "text")
    attempt("getxattr missing attr", os.getxattr, f, "user.nope")
    attempt("getxattr missing file", os.getxattr, os.path.join(base, "missing"), "user.k")
    attempt("getxattr int attr", os.getxattr, f, 3)
    fd = os.open(f, os.O_RDONLY)
    attempt("fd getxattr", os.getxattr, fd, "user.k")
    attempt("fd listxattr", os.listxattr, fd)
    attempt("fd no follow", os.getxattr, fd, "user.k", follow_symlinks=False)
    os.close(fd)
    os.symlink("f", os.path.join(base, "link"))
    attempt("through link", os.getxattr, os.path.join(base, "link"), "user.k")
    attempt("link itself", os.listxattr, os.path.join(base, "link"), follow_symlinks=False)
    attempt("removexattr", os.removexattr, f, "user.k")
    attempt("removexattr again", os.removexattr, f, "user.k")
    attempt("listxattr empty", os.listxattr, f)
    cwd = os.getcwd()
    os.chdir(base)
    attempt("listxattr cwd", lambda: type(os.listxattr()).__name__)
    os.chdir(cwd)
finally:
    remove_tree(base)
