# X | Y union types at runtime
u = int | str
print(u, type(u).__name__, u.__args__, int | None, (int | str) == (str | int), int | int)
print(isinstance(3, u), isinstance("s", u), isinstance(3.0, u), issubclass(bool, u), isinstance(None, int | None))
print(isinstance([], list | dict | None), (int | str | float).__args__, u | bytes)
try:
    isinstance(1, int | "str")
except TypeError as e:
    print("TypeError", e)
