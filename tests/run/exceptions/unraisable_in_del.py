# exceptions in __del__: the unraisable report shows the traceback and the
# "Type: message" line only (no chain, no notes, a trailing ": " for no message)
import sys
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
class D:
    def __del__(self):
        raise ValueError()
class E:
    def __del__(self):
        try:
            1 / 0
        except ZeroDivisionError:
            e = KeyError("k")
            e.add_note("a note")
            raise e
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError
class F:
    def __del__(self):
        raise BadStr()
class Odd(Exception):
    pass
Odd.__module__ = 5
class G:
    def __del__(self):
        raise Odd("odd module")
cap = Capture()
old = sys.stderr
sys.stderr = cap
for cls in [D, E, F, G]:
    x = cls()
    del x
sys.stderr = old
for line in "".join(cap.parts).splitlines():
    if " at 0x" in line:
        line = line.split(" at 0x")[0] + " at ...>"
    print(repr(line))
