# print(): sep, end, file, flush
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -- ", end="!\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, [1], sep=None, end=None)
print("to stderr", file=sys.stderr)
print("to stdout", file=sys.stdout, flush=True)
print("x", file=None)
print(*range(5), sep=", ")
print(*[], sep="never")
for kw in [{"sep": 1}, {"end": 2}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "object", sep="_", end=".", file=w)
print(w.parts)
class S:
    def __str__(self):
        return "S-str"
print(S(), [S()].__len__(), "é", "\u00e9\u0301")
