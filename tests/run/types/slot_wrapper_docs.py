# Slot wrappers (int.__add__, (1).__add__) carry the doc and text signature
# of CPython's slot table, so help() and inspect.signature() work on them.
import inspect
for f in (int.__add__, (1).__add__, object.__init__, [].__iter__, iter([]).__next__, list.__iadd__, object.__repr__, object.__lt__, type.__call__, int.__neg__, int.__pow__, property.__get__, object.__setattr__):
    print(getattr(f, "__qualname__", None), repr(f.__doc__), f.__text_signature__)
print(inspect.signature(int.__add__), inspect.signature((1).__add__), inspect.signature(object.__init__))
