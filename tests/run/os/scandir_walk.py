# scandir (ScandirIterator, DirEntry), walk, fwalk-free traversal helpers,
# fsencode/fsdecode.
import os, stat
from _osutil import make_base, remove_tree, attempt

base = make_base("scandir")
try:
    j = lambda *p: os.path.join(base, *p)
    os.makedirs(j("top", "sub", "deep"))
    for name in ["top/a.txt", "top/sub/b.txt", "top/sub/deep/c.txt"]:
        with open(j(name), "w") as f:
            f.write(name)
    os.symlink("a.txt", j("top", "la"))
    os.symlink("sub", j("top", "ls"))
    os.symlink("missing", j("top", "ld"))

    it = os.scandir(j("top"))
    print(type(it).__name__, type(it).__module__, iter(it) is it)
    entries = sorted(it, key=lambda e: e.name)
    print(next(it, "exhausted"))
    it.close()
    it.close()
    for e in entries:
        print(repr(e), e.name, e.path == j("top", e.name), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.inode() == os.lstat(e.path).st_ino)
    a = entries[0]
    print(os.fspath(a) == a.path, a.__fspath__() == j("top", "a.txt"), a.stat().st_size, a.stat() is a.stat())
    print(a.stat(follow_symlinks=False) == os.lstat(j("top", "a.txt")))
    ld = [e for e in entries if e.name == "ld"][0]
    attempt("stat of dangling entry", lambda: str(ld.stat()))
    print(stat.S_ISLNK(ld.stat(follow_symlinks=False).st_mode))
    la = [e for e in entries if e.name == "la"][0]
    print(stat.S_ISREG(la.stat().st_mode), stat.S_ISLNK(la.stat(follow_symlinks=False).st_mode))
    attempt("is_dir positional", a.is_dir, False)
    attempt("DirEntry()", os.DirEntry)
    attempt("ScandirIterator()", type(it))
    print(os.DirEntry[str])

    with os.scandir(j("top", "sub")) as it2:
        print(sorted(e.name for e in it2))
    print(next(it2, "closed"))
    bents = sorted(os.scandir(j("top", "sub").encode()), key=lambda e: e.name)
    print([(e.name, e.path == j("top", "sub", e.name.decode()).encode()) for e in bents])
    cwd = os.getcwd()
    os.chdir(j("top"))
    print(sorted((e.name, e.path) for e in os.scandir()))
    print(sorted((e.name, e.path) for e in os.scandir("sub")))
    print(sorted((e.name, e.path) for e in os.scandir("sub/")))
    dfd = os.open("sub", os.O_RDONLY)
    fents = sorted(os.scandir(dfd), key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir(), e.is_file(), e.stat().st_size if e.is_file() else None) for e in fents])
    os.close(dfd)
    os.chdir(cwd)
    attempt("scandir missing", os.scandir, j("missing"))
    attempt("scandir file", os.scandir, j("top", "a.txt"))
    attempt("scandir float", os.scandir, 1.5)

    def rel(p):
        return os.path.relpath(p, base)
    for root, dirs, files in os.walk(j("top")):
        dirs.sort()
        print(rel(root), dirs, sorted(files))
    print("bottom-up")
    for root, dirs, files in os.walk(j("top"), topdown=False):
        print(rel(root), sorted(dirs), sorted(files))
    print("follow")
    for root, dirs, files in sorted(os.walk(j("top"), followlinks=True)):
        print(rel(root), sorted(dirs), sorted(files))
    print("bytes")
    for root, dirs, files in sorted(os.walk(j("top", "sub").encode())):
        print(type(root).__name__, sorted(dirs), sorted(files))
    errors = []
    print(list(os.walk(j("missing"), onerror=errors.append)), [type(e).__name__ for e in errors])

    print(os.fsencode("abc"), os.fsencode(b"abc"), os.fsdecode(b"abc"), os.fsdecode("abc"))
    print(ascii(os.fsdecode(b"\xff\xfeok")), os.fsencode("\udcff\udcfeok"), os.fsencode("é"), os.fsdecode("é".encode()))
    attempt("fsencode int", os.fsencode, 1)
    attempt("fsencode lone surrogate", os.fsencode, "\ud800")
    odd = os.fsdecode(b"odd\xff")
    os.close(os.open(j(odd), os.O_WRONLY | os.O_CREAT))
    print(ascii(sorted(os.listdir(base))), sorted(os.listdir(base.encode())))
    print([ascii(e.name) for e in os.scandir(base) if e.name.startswith("odd")])
finally:
    remove_tree(base)
print(os.path.exists(base))
