"""Helpers of the os cases: a scratch folder under /tmp, removed at the end,
and exception printing with that folder's path masked."""
import os

BASE = None


def make_base(tag):
    global BASE
    BASE = "/tmp/pyrite-os-%s-%d" % (tag, os.getpid())
    os.mkdir(BASE)
    return BASE


def show(e):
    text = str(e)
    if BASE:
        text = text.replace(BASE, "TMP")
    print(type(e).__name__, text)


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(label, end=": ")
        show(e)
    else:
        if isinstance(r, str) and BASE:
            r = r.replace(BASE, "TMP")
        print(label, "->", repr(r))


def remove_tree(top):
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(top)
