# sys.displayhook (sets builtins._, needs sys.stdout) and sys.intern of str subclasses
import sys, builtins
class S(str): pass
try: sys.intern(S('x'))
except TypeError as e: print(e)
o=sys.stdout; sys.stdout=None
try: sys.displayhook(5)
except RuntimeError as e: print(e, file=sys.stderr)
sys.stdout=o
sys.displayhook(7); print(builtins._)
class R:
    def __repr__(self): raise ValueError('bad')
try: sys.displayhook(R())
except ValueError as e: print(e, builtins._)
sys.displayhook(None); print(builtins._)
sys.displayhook([1, 'a']); print(builtins._)
