# args, str() and repr() of exceptions
for e in [Exception(), Exception("one"), Exception("a", 2), Exception(None), ValueError(""), KeyError("k"), KeyError(), KeyError(1, 2),
          IndexError(5), StopIteration(3), SystemExit(2), ZeroDivisionError("z"), Exception(["l"])]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = Exception("x")
e.args = ("changed", 1)
print(e, e.args)
e.args = []
print(repr(e), e.args)
class MyErr(Exception):
    pass
m = MyErr("mine", 1)
print(m, repr(m), m.args, isinstance(m, Exception), MyErr.__mro__[1].__name__)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(WithStr("ignored"), repr(WithStr("a")))
print(str(StopIteration()), StopIteration(1, 2).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(KeyboardInterrupt().args, GeneratorExit("g"), BaseException("b").args, ArithmeticError.__bases__)
try:
    Exception(x=1)
except TypeError as t:
    print("TypeError", t)
