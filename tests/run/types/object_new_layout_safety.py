for t in (type(iter([])), int, list, dict, type(None), type, type(iter(range(3))), type(zip())):
    try: print(object.__new__(t))
    except TypeError as e: print(e)
import copy
except Exception as e: print(type(e).__name__, e)
class L(list): pass
try: object.__new__(L)
except TypeError as e: print(e)
print(type(copy.copy(L([1]))), copy.copy(L([1])))
