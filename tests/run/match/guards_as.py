# match: guards, as-patterns, value patterns (dotted names), evaluation order
class Color:
    RED = "red"
    GREEN = "green"
def check(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN as g:
            return "is " + g
        case (str() | bytes()) as text if len(text) > 3:
            return "long text"
        case str(s) if s.isdigit():
            return "digits"
        case _:
            return "other"
for v in ["red", "green", "blue", "longer", b"bytes!", "123"]:
    print(v, check(v))
def log_guard(tag, result):
    print("  guard", tag)
    return result
match 5:
    case 1 if log_guard("a", True):
        print("a")
    case int() if log_guard("b", False):
        print("b")
    case x if log_guard("c", True):
        print("c matched", x)
match [1, 2]:
    case [x, y] if x > y:
        print("no")
    case [x, y]:
        print("bound after failed guard", x, y)
