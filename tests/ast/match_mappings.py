match m:
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": x, "b": [y, *z]}:
        pass
    case {1: _, 2.0: _, None: _, b"k": _}:
        pass
    case {K.attr: v}:
        pass
    case {"x": 1, **rest}:
        pass
    case {**rest}:
        pass
