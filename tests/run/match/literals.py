# match: literal, or, wildcard and capture patterns
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1.5:
            return "neg float"
        case b"raw":
            return "bytes"
        case 1j:
            return "imaginary"
        case -2 + 3j:
            return "complex"
        case other:
            return "other: " + repr(other)
for v in [0, 1, 3, 4, "hello", True, False, None, -1.5, b"raw", 1j, -2 + 3j, 1.0, 0.0, [], "x"]:
    print(repr(v), describe(v))
