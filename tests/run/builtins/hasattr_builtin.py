# hasattr: only AttributeError means False
class P:
    @property
    def ok(self):
        return 1
    @property
    def attr_err(self):
        raise AttributeError("hidden")
    @property
    def other_err(self):
        raise KeyError("boom")
p = P()
print(hasattr(p, "ok"), hasattr(p, "attr_err"), hasattr(p, "missing"), hasattr(P, "ok"), hasattr(5, "real"), hasattr("s", "nope"))
try:
    hasattr(p, "other_err")
except KeyError as e:
    print("KeyError", e)
for bad in [(p,), (p, 1), (p, "a", "b")]:
    try:
        hasattr(*bad)
    except TypeError as e:
        print("TypeError", e)
