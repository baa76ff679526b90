# print with unusual arguments: objects with __str__, end/sep empty, many args, nested prints
class S:
    def __str__(self):
        return "S!"
class R:
    def __repr__(self):
        return "R!"
print(S(), R(), [R()], sep="|")
print("a", end="")
print("b", end="")
print()
print(*"abc", sep="")
print(1, 2, 3, sep="\n")
print("x", "y", sep="", end="\n\n")
print(print("inner"))
print("tab\tsep", "nl\\n", sep="\t")
class BadStr:
    def __str__(self):
        return 5
try:
    print(BadStr())
except TypeError as e:
    print("TypeError", e)
