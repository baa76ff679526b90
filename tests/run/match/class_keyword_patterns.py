# class patterns with keyword sub-patterns, nested classes, properties as attributes
class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
class Line:
    __match_args__ = ("start", "end")
    def __init__(self, start, end):
        self.start, self.end = start, end
def describe(obj):
    match obj:
        case Line(Vec(0, 0), Vec(x=ex, y=ey)):
            return f"line from origin to {ex},{ey}"
        case Line(start=Vec(x=sx), end=Vec(x=ex)) if sx == ex:
            return f"vertical line at x={sx}"
        case Vec(norm1=1):
            return "unit step"
        case Vec(x=x, y=y) if x == -y:
            return "anti-diagonal"
        case Line() | Vec():
            return "some shape"
print(describe(Line(Vec(0, 0), Vec(3, 4))), describe(Line(Vec(2, 1), Vec(2, 9))), describe(Vec(0, -1)), describe(Vec(2, -2)))
print(describe(Vec(5, 5)), describe(Line(Vec(1, 1), Vec(2, 2))), describe("neither"))
