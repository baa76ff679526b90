# A file object destroyed while open gets a ResourceWarning (shown in dev
# mode) from the line where its last reference went, then is closed.
import gc
import io
import os
import tracemalloc
import warnings

PATH = os.devnull


def leak():
    f = open(PATH)


leak()
open(PATH, "rb")
open(PATH, "rb", buffering=0)
io.TextIOWrapper(io.BytesIO())  # no file beneath: no warning
f = open(os.open(PATH, os.O_RDONLY), closefd=False)
del f  # closefd=False: not ours to close, no warning
with open(PATH) as f:
    pass
del f  # closed already
f = open(PATH, "rb")
f.raw
del f
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    leak()
print([(w.category.__name__, str(w.message), type(w.source).__name__) for w in caught])
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(object()))
