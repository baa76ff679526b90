# round() with ints, floats and __round__
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(1e15 + 0.5), round(7, -1), round(15, -1))
print(round(123456, -3), round(-123456, -3), round(2**70 + 1, -20), round(1.23456, 3), round(-1.23456, 1), round(0.0, 5), round(-0.0))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3), round(True), type(round(2.0)).__name__, type(round(2.0, 0)).__name__)
for args in [("1.5",), (1.5, "2"), (float("inf"),), (float("nan"),), (1, 2, 3)]:
    try:
        print(round(*args))
    except Exception as e:
        print(type(e).__name__, e)
