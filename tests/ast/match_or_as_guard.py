match value:
    case 1 | 2 | 3:
        pass
    case (1 | 2) as small:
        pass
    case [x, y] if x > y:
        pass
    case {"k": v} if v:
        pass
    case x if (y := x):
        pass
    case (a as b) as c:
        pass
    case [1, 2] | [3, 4] as pair:
        pass
    case _ if False:
        pass
match (a, b):
    case (1, 2):
        pass
match a, b:
    case _:
        pass
match -x:
    case _: pass
match *a, b:
    case _: pass
