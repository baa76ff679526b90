# groups holding chained members and repeated members, under sys.tracebacklimit
import sys
def raiser(exc):
    raise exc
def make():
    try:
        raiser(ExceptionGroup("inner", [ValueError("v")]))
    except ExceptionGroup as g:
        try:
            raise KeyError("k") from g
        except KeyError as k:
            return k
k = make()
same = TypeError("same")
try:
    raiser(ExceptionGroup("top", [k, same, same]))
except ExceptionGroup as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
sys.tracebacklimit = 1
try:
    raiser(ExceptionGroup("limited", [k]))
except ExceptionGroup as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
sys.tracebacklimit = 0
try:
    raiser(ExceptionGroup("none", [k]))
except ExceptionGroup as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
