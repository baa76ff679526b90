# int() with __int__, __index__, __trunc__; operator.index-like behaviour via slicing
class HasInt:
    def __int__(self):
        return 7
class HasIndex:
    def __index__(self):
        return 3
print(int(HasInt()), int(HasIndex()), [0, 1, 2, 3, 4][HasIndex()], "abcdef"[HasIndex():], range(10)[HasIndex()], bin(HasIndex()))
class BadInt:
    def __int__(self):
        return "no"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError", e)
for bad in [HasInt(), 1.0, "1"]:
    try:
        [1, 2][bad]
    except TypeError as e:
        print("TypeError", e)
print(int(-0.0), int(1e18), int(123456789.987), int("-  1".replace(" ", "")), int(True) + int(False))
print(float(HasIndex()) if hasattr(HasIndex, "__float__") else "no __float__", float(HasInt()) if False else "skip")
try:
    float(HasIndex())
    print("float via __index__ ok")
except TypeError as e:
    print("TypeError", e)
