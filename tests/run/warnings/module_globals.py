# warn_explicit(module_globals=...): the loader's get_source gives the line (errors propagate).
import _warnings
class L:
    def get_source(self, name):
        return "a\nb\n"
class N:
    def get_source(self, name):
        return None
class E:
    def get_source(self, name):
        raise KeyError(name)
for g in [{"__name__": "m", "__loader__": L()}, {"__name__": "m", "__loader__": N()}, {"__name__": "m", "__loader__": E()}, {"__loader__": L()}, {"__name__": "m"}, {"__name__": "m", "__loader__": object()}]:
    for ln in [1, 5, 0]:
        try:
            _warnings.warn_explicit("x", UserWarning, "f.py", ln, module_globals=g)
            print("ok", ln)
        except Exception as e:
            print(type(e).__name__, e)
