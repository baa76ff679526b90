# or-patterns binding the same names, nested or-patterns, alternatives with captures
def f(x):
    match x:
        case [a, 1] | [1, a]:
            return f"pair with one, other={a}"
        case {"k": (1 | 2) as v} | {"j": v}:
            return f"mapping v={v}"
        case (int() | float()) as num if num < 0:
            return "negative number"
        case str() | bytes():
            return "text-ish"
        case _:
            return "other"
for v in [[5, 1], [1, 7], [2, 2], {"k": 2}, {"k": 3}, {"j": "jv"}, -3, -2.5, 4, "s", b"b"]:
    print(repr(v), f(v))
