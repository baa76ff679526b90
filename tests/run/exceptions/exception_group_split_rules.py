# split/subgroup matchers, metadata copied to the parts, derive, construction checks
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), OSError(4)])])
eg.add_note("top note")
eg.__cause__ = KeyError("cause")
for matcher in [ValueError, (TypeError, OSError), lambda e: isinstance(e, ValueError) and e.args[0] > 1, len, 5, (ValueError, 5), Exception]:
    try:
        m, r = eg.split(matcher)
        print(repr(m), repr(r))
        for part in (m, r):
            if part is not None and part is not eg:
                print("  ", part.__notes__, part.__notes__ is eg.__notes__, repr(part.__cause__), part.__suppress_context__)
    except TypeError as e:
        print("TypeError", e)
print(repr(eg.subgroup(lambda e: False)), eg.subgroup(lambda e: True) is eg)
plain = ExceptionGroup("plain", [ValueError(1), TypeError(2)])
m, r = plain.split(ValueError)
print(m.__suppress_context__, r.__suppress_context__, plain.__suppress_context__, m.__traceback__)
class Meta(type):
    def __subclasscheck__(cls, sub):
        return True
class Anything(Exception, metaclass=Meta):
    pass
print(repr(plain.subgroup(Anything)))
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")
try:
    BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError", e)
class KeepsType(ExceptionGroup):
    def derive(self, excs):
        return KeepsType(self.message + "!", excs)
m, r = KeepsType("k", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
for args in [("m", "ab"), ("m", {1: 2}), ("m", (ValueError(),)), ("m", [ValueError()], 3)]:
    try:
        g = ExceptionGroup(*args)
        print(repr(g), g.exceptions)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for kw in [{"x": 1}]:
    try:
        ExceptionGroup("m", [ValueError()], **kw)
    except TypeError as e:
        print("TypeError", e)
class MyGroup(ExceptionGroup):
    pass
try:
    MyGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
g = BaseExceptionGroup("mixed", [ValueError(), KeyboardInterrupt()])
print(type(g).__name__, str(g), str(ExceptionGroup("one", [ValueError()])))
