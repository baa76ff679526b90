# BaseExceptionGroup / ExceptionGroup: construction, split, subgroup, derive
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])
print(eg, repr(eg), eg.message, len(eg.exceptions), type(eg).__name__, eg.args[0])
print(repr(eg.exceptions[2]))
m, rest = eg.split(ValueError)
print(repr(m))
print(repr(rest))
print(repr(eg.subgroup(KeyError)), eg.subgroup(OSError), repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
m2, r2 = eg.split((ValueError, TypeError, KeyError))
print(m2 is eg, r2)
print(repr(eg.subgroup(lambda e: True)), eg.subgroup(lambda e: True) is eg)
d = eg.derive([KeyError("d")])
print(repr(d), type(d).__name__)
b = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(b).__name__, repr(b))
b2 = BaseExceptionGroup("auto", [ValueError()])
print(type(b2).__name__)
for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m", ValueError()), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
eg.add_note("note on group")
m3, r3 = eg.split(TypeError)
print(m3.__notes__, r3.__notes__)
class MyEG(ExceptionGroup):
    pass
my = MyEG("mine", [ValueError(1), KeyError(2)])
s, r = my.split(ValueError)
print(type(s).__name__, type(r).__name__, repr(s))
