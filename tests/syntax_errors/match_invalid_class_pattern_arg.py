match x:
    case C(1 + 1):
        pass
