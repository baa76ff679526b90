# match: class patterns, positional via __match_args__, builtins self-matching
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return "string " + s
        case [Point(), *_]:
            return "list of points"
        case _:
            return "unknown"
for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 5, 2.5, "s", [Point(1, 1)], None]:
    print(where(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case print():
            pass
except TypeError as e:
    print("TypeError", e)
match True:
    case bool(b):
        print("bool", b)
match (1, 2):
    case tuple((a, b)):
        print("tuple", a, b)
