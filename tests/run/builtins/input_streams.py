# input() with replaced or missing streams, CRLF input and no final newline; closed stdout
import sys
def show(f):
    try:
        print("ok", repr(f()), file=sys.stderr)
    except Exception as e:
        print(type(e).__name__, e, file=sys.stderr)
old = sys.stdout
sys.stdout = None
show(lambda: input("p"))
sys.stdout = old
class P:
    def __str__(self): return "prompt> "
show(lambda: input(P()))
show(lambda: input())
show(lambda: input())
sys.stdout.close()
show(lambda: print("x"))
show(lambda: sys.stdout.write("x"))
show(lambda: sys.stdout.flush())
show(lambda: sys.stdout.closed)
show(lambda: sys.stdout.fileno())
show(lambda: sys.stdout.isatty())
show(lambda: sys.stdout.buffer.write(b"x"))
class FakeIn:
    def readline(self):
        return 42
sys.stdin = FakeIn()
show(lambda: input())
class Lines:
    def __init__(self):
        self.lines = ["first\n", "last"]
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
sys.stdin = Lines()
show(lambda: (input(), input()))
show(lambda: input())
show(lambda: input("a", "b"))
