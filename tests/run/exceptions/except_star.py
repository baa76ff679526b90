# except* handling of exception groups
def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("  ValueError group:", repr(g))
    except* (TypeError, KeyError) as g:
        print("  Type/Key group:", repr(g))
for exc in [ValueError("plain"), ExceptionGroup("g", [ValueError(1), TypeError(2)]), ExceptionGroup("g", [KeyError("k")]),
            ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(5)]), TypeError(6)])]:
    print(repr(exc))
    run(exc)
try:
    run(ExceptionGroup("g", [ValueError(1), OSError("unhandled")]))
except ExceptionGroup as e:
    print("escaped:", repr(e))
try:
    run(OSError("naked"))
except OSError as e:
    print("naked escaped:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("re-raised:", repr(e))
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError:
    print("handled")
else:
    print("no else")
finally:
    print("finally")
try:
    pass
except* ValueError:
    pass
else:
    print("else runs")
