# time.sleep argument conversion: floats, ints, __index__, and the errors
import time
for v in [-1, -0.5, float('nan'), float('inf'), 1e300, 2**70, "x", None, True, 0]:
    try:
        print(repr(time.sleep(v)))
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def __float__(self): return 0.0
class I:
    def __index__(self): return 0
for v in [F(), I()]:
    try:
        print(repr(time.sleep(v)))
    except Exception as e:
        print(type(e).__name__, e)
