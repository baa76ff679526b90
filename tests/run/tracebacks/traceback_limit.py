# sys.tracebacklimit keeps only the innermost entries
import sys
def a(): b()
def b(): c()
def c(): raise LookupError("deep")
sys.tracebacklimit = 2
try:
    a()
except LookupError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
sys.tracebacklimit = 0
try:
    a()
except LookupError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
sys.tracebacklimit = "ignored"
a()
