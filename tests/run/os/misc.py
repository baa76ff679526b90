# os-level helpers over posix: copying stat_result, fwalk, environ mapping, path
# predicates, and the supports_* sets built from _have_functions.
import os, stat
s = os.stat('/')
c = type(s)(*s.__reduce__()[1])
print(c == s, type(c).__name__, c.st_atime_ns == s.st_atime_ns)
print(s.__reduce__()[0], len(s.__reduce__()[1][0]), sorted(s.__reduce__()[1][1]))
base = '/tmp/pyrite-fwalk-%d' % os.getpid()
os.makedirs(base + '/a/b')
open(base + '/a/f', 'w').close()
for root, dirs, files, rootfd in os.fwalk(base):
    print(root.replace(base, 'B'), sorted(dirs), sorted(files), type(rootfd).__name__)
for root, dirs, files, rootfd in os.fwalk(base.encode(), topdown=False):
    print(root.replace(base.encode(), b'B'), sorted(dirs), sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    for n in files: os.unlink(os.path.join(root, n))
    for n in dirs: os.rmdir(os.path.join(root, n))
os.rmdir(base)
print(os.path.exists(base))
print(os.stat_result((1,)*10).st_mtime, os.stat_result((1,)*10, {'st_atime': 5.5}).st_atime)
e = os.environ
print('HOME' in e, e.get('NOPE'), isinstance(e.copy(), dict))
e['PYR_X'] = 'y'; print(os.environ['PYR_X'], os.getenvb(b'PYR_X'))
e.pop('PYR_X'); print(os.getenv('PYR_X'))
e.setdefault('PYR_Y', 'z'); print(os.environ['PYR_Y']); e.clear; del e['PYR_Y']
print(os.path.getmtime('/') == os.stat('/').st_mtime, os.path.getatime('/') > 0)
print(os.path.ismount('/'), os.path.ismount('/tmp/nope'))
print(os.path.realpath('.') == os.getcwd())
import posixpath
print(posixpath.relpath('/a/b/c', '/a'), os.path.commonpath(['/a/b', '/a/c']))
print(os.device_encoding(0) if not os.isatty(0) else 'tty')
print(os.scandir in os.supports_fd, sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks), sorted(f.__name__ for f in os.supports_fd))
