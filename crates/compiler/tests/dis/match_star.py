a, b = b, a
match x:
    case [*_]:
        pass
    case [*r]:
        pass
