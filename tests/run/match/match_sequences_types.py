# which subjects count as sequences: not str/bytes/bytearray; any collections sequence does
def is_seq(x):
    match x:
        case [*_]:
            return "sequence"
        case _:
            return "not sequence"
for v in [[], (), "abc", b"ab", bytearray(b"a"), range(3), {1: 2}, {1}, memoryview(b"ab"), True, 5]:
    print(type(v).__name__, is_seq(v))
match range(5):
    case [0, 1, *rest]:
        print("range matched", rest)
match "ab":
    case ["a", "b"]:
        print("str matched as sequence?!")
    case str():
        print("str matched as str")
