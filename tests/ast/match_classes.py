match obj:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=yy):
        pass
    case Point(1, y=2):
        pass
    case mod.Cls(a, b, c=C()):
        pass
    case int(n) | float(n):
        pass
    case str() as s:
        pass
    case Node(left=Node(), right=None):
        pass
