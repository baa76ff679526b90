# match: mapping patterns with **rest
def m(x):
    match x:
        case {"type": "point", "x": x0, "y": y0}:
            return f"point {x0},{y0}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": t}:
            return "unknown type " + t
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "color": "red"}, {"type": "sq"}, {"a": 1}, {}, [("type", 1)], "s"]:
    print(v, m(v))
class DefaultDictLike(dict):
    def __missing__(self, k):
        return "missing"
match DefaultDictLike(a=1):
    case {"b": v}:
        print("wrongly matched", v)
    case {"a": v}:
        print("matched a", v)
match {1: "one", "k": [1, 2]}:
    case {1: s, "k": [_, second]}:
        print(s, second)
