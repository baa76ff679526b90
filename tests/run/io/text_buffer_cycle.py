# A text file whose .buffer was taken and that is dropped unclosed is
# collected (and closed): descriptors do not pile up.
import gc
import os

before = len(os.listdir("/proc/self/fd"))
for i in range(3000):
    f = open(os.devnull)
    f.buffer.read()
del f
gc.collect()
print(len(os.listdir("/proc/self/fd")) - before <= 1)
f = open(os.devnull)
print(gc.is_tracked(f), gc.is_tracked(f.buffer), f.buffer is f.buffer)
f.close()
