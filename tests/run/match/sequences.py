# match: sequence patterns with star, nesting and types
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first}..{last} mid={middle}"
        case (a, *rest):
            return f"head {a} rest={rest}"
for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", range(3), {1: 2}, (9,)]:
    print(repr(v), seq(v))
def nested(p):
    match p:
        case [(0, 0), *_]:
            return "starts at origin"
        case [(x, y), (x2, y2)] if x == x2:
            return f"vertical at {x}"
        case [[_, _], [_, _], *_]:
            return "pairs"
        case _:
            return "no match"
for v in [[(0, 0), (1, 1)], [(2, 0), (2, 5)], [[1, 2], [3, 4], [5]], [1]]:
    print(v, nested(v))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a, b, c, d)
match (1, 2, 3):
    case [*all_]:
        print("star captures", all_)
