# abs()
for v in [0, -0, 5, -5, 10**30, -(10**30), 0.0, -0.0, -2.5, float("-inf"), float("nan"), 3 + 4j, -1j, True, False]:
    print(repr(v), repr(abs(v)), type(abs(v)).__name__)
class A:
    def __abs__(self):
        return "abs called"
print(abs(A()))
for bad in ["x", None, [1]]:
    try:
        abs(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    abs()
except TypeError as e:
    print("TypeError", e)
