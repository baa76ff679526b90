# float(): which conversion wins for str, float and int subclasses and other objects
class S(str):
    def __float__(self):
        return 1.25
class S2(str):
    pass
class G(float):
    def __float__(self):
        return 9.0
class G2(float):
    pass
class I(int):
    def __float__(self):
        return 0.5
class X:
    def __index__(self):
        return 7
class Y:
    def __float__(self):
        return 2.5
    def __index__(self):
        return 3
for v in [S("2"), S2("3.5"), G(1.0), G2(4.0), I(5), X(), Y(), True, 2**60 + 1, "  -1e3 ", b"7", bytearray(b"8.5")]:
    print(type(v).__name__, float(v), type(float(v)).__name__, complex(v) if not isinstance(v, (bytes, bytearray)) else "")
for bad in [10**400, "1e", object(), [], b"\xff"]:
    try:
        float(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
