# runtime errors raised by matching
class C:
    __match_args__ = ("a", "b")
    a = 1
class NotTuple:
    __match_args__ = ["a"]
for subject, label in [(C(), "too many positional"), (NotTuple(), "match_args not tuple")]:
    try:
        match subject:
            case C(1, 2, 3):
                pass
            case NotTuple(1):
                pass
    except TypeError as e:
        print(label, "TypeError", e)
try:
    match C():
        case C(a=1, b=2):
            pass
except AttributeError as e:
    print("AttributeError", e)
else:
    print("missing attribute b: no match")
notaclass = 5
try:
    match 1:
        case notaclass.real:
            print("value pattern on attribute", notaclass.real)
except TypeError as e:
    print("TypeError", e)
