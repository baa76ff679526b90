# class patterns with builtin types that match themselves positionally
def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if not s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"a": a}):
            return f"dict a={a}"
        case set() | frozenset():
            return "a set"
        case None:
            return "None"
        case _:
            return "something else"
for v in [True, 3, 2.5, "", "hi", b"x", bytearray(b"y"), [9, 8], [], (1, 2), {"a": 1}, {"b": 2}, {1}, frozenset(), None, 1j]:
    print(repr(v), kind(v))
