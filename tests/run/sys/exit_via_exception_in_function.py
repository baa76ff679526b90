# sys.exit raises SystemExit that can be caught, inspected and re-raised
import sys
def stop(code):
    sys.exit(code)
for code in [0, 1, "text", None, (1, 2)]:
    try:
        stop(code)
    except SystemExit as e:
        print(repr(code), repr(e.code), e.args)
try:
    sys.exit(3)
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
print("still running")
