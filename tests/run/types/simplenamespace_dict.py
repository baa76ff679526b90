import types, copy
ns = types.SimpleNamespace(a=1)
print(vars(ns), ns.__dict__)
ns.__dict__['b'] = 2
print(ns, copy.deepcopy(ns), copy.copy(ns) == ns)
try: ns.__dict__ = 5
except AttributeError as e: print(e)
