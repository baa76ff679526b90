# mapping patterns: extra keys ignored, **rest copies, keys looked up with get, non-str keys
def m(x):
    match x:
        case {"a": 1, **rest} if not rest:
            return "exactly a=1"
        case {"a": 1, **rest}:
            return f"a=1 plus {sorted(rest)}"
        case {0: zero, 1.5: f, None: n}:
            return f"odd keys {zero} {f} {n}"
        case {"list": [first, *_]}:
            return f"list starting {first}"
    return "no match"
for v in [{"a": 1}, {"a": 1, "b": 2, "c": 3}, {0: "z", 1.5: "f", None: "n"}, {"list": [7, 8]}, {"list": []}, {"a": 2}]:
    print(v, "->", m(v))
class Tracking(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)
match Tracking(x=1, y=2):
    case {"x": 1, "y": y}:
        print("matched y =", y)
