match x:
    case [a, *_]:
        pass
    case [1, 2, *rest, 3]:
        pass
    case Point(1, y=z) if z:
        pass
    case {"k": v, **kw}:
        pass
    case 1 | 2 | -3 | 1+2j:
        pass
    case (a, b) | [b, a]:
        pass
    case _:
        pass
