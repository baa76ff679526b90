# except*: handlers run once per matching type, the as-value is always a group, naked exceptions are wrapped
def run(exc):
    print("raise", repr(exc))
    try:
        raise exc
    except* KeyError as ke:
        print("  KeyError handler", repr(ke), type(ke).__name__)
    except* LookupError as le:
        print("  LookupError handler", repr(le))
    except* Exception as other:
        print("  Exception handler", repr(other))
run(KeyError("k"))
run(IndexError("i"))
run(ExceptionGroup("g", [KeyError(1), IndexError(2), ValueError(3), KeyError(4)]))
run(ExceptionGroup("g", [ExceptionGroup("n", [KeyError(1)]), OSError(5)]))
try:
    try:
        raise ExceptionGroup("g", [KeyError(1), ValueError(2)])
    except* KeyError:
        print("  handled keys; value errors continue")
except* ValueError as rest:
    print("outer got", repr(rest))
def returns_inside():
    for i in range(2):
        try:
            raise ExceptionGroup("g", [KeyError(i)])
        except* KeyError:
            print("  iteration", i)
    return "done"
print(returns_inside())
