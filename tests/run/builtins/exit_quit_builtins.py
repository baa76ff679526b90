# exit and quit (added to builtins by site): repr, attributes, SystemExit, stdin closed
import sys
print(repr(exit), repr(quit), exit.name, quit.eof, type(exit).__name__, type(exit).__module__, callable(exit))
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args, sys.stdin.closed)
try:
    quit()
except SystemExit as e:
    print("SystemExit", repr(e.code), e.args)
try:
    exit(code="msg")
except SystemExit as e:
    print("SystemExit", repr(e.code), e.args)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError", e)
for f in [lambda: exit(x=1), lambda: exit(1, code=2)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
exit("bye")
