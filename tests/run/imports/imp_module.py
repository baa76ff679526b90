# _imp, the native helpers of importlib
import _imp
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


show("is_builtin", lambda: (_imp.is_builtin("itertools"), _imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("keyword")))
show("create_builtin", lambda: _imp.create_builtin(type(sys.__spec__)("itertools", None)).__name__)
show("create_builtin sys", lambda: _imp.create_builtin(type(sys.__spec__)("sys", None)) is sys)
show("exec_builtin", lambda: _imp.exec_builtin(sys))
show("lock", lambda: (_imp.lock_held(), _imp.acquire_lock(), _imp.lock_held(), _imp.release_lock(), _imp.lock_held()))
show("release unheld", lambda: _imp.release_lock())
show("is_frozen", lambda: _imp.is_frozen("keyword"))
show("extension_suffixes", lambda: type(_imp.extension_suffixes()).__name__)
show("source_hash", lambda: (_imp.source_hash(3, b"abc"), _imp.source_hash(0, b""), _imp.source_hash(2**62, b"x" * 100)))
show("source_hash negative key", lambda: _imp.source_hash(-1, b""))
show("source_hash str", lambda: _imp.source_hash(1, "str"))
show("source_hash keywords", lambda: _imp.source_hash(key=1, source=b""))
show("source_hash big key", lambda: _imp.source_hash(2**63, b""))
show("check_hash_based_pycs", lambda: _imp.check_hash_based_pycs)
show("is_builtin type", lambda: _imp.is_builtin(1))
