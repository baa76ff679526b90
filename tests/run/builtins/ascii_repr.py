# ascii() and repr()
for v in ["abc", "é", "中", "\U0001f600", "\n", 1, 1.5, None, [1, "é"], {"ключ": "é"}, ("\x7f",), b"\xff", frozenset()]:
    print(repr(v), ascii(v))
class R:
    def __repr__(self):
        return "R<é>"
print(repr(R()), ascii(R()), [R()], str(R()))
class Bad:
    def __repr__(self):
        return 5
try:
    repr(Bad())
except TypeError as e:
    print("TypeError", e)
