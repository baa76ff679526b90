match seq:
    case []:
        pass
    case ():
        pass
    case [a]:
        pass
    case (a,):
        pass
    case a, b:
        pass
    case [a, b, *rest]:
        pass
    case (first, *_, last):
        pass
    case [*_]:
        pass
    case [1, [2, (3, _)]]:
        pass
    case *xs, y:
        pass
