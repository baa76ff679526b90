# int(): which conversion wins for int, bool, float and str subclasses and other objects
class I(int):
    def __int__(self):
        return 42
class I2(int):
    pass
class F(float):
    def __int__(self):
        return 7
class F2(float):
    pass
class S(str):
    def __int__(self):
        return 3
class S2(str):
    pass
class X:
    def __index__(self):
        return 9
class T:
    def __trunc__(self):
        return I2(11)
class B(bytes):
    def __int__(self):
        return 5
for v in [I(5), I2(6), F(1.5), F2(2.5), S("8"), S2("12"), X(), True, B(b"1"), 2**70, -3]:
    r = int(v)
    print(type(v).__name__, r, type(r).__name__, int(v, 10) if isinstance(v, (str, bytes)) else "", float(v) if not isinstance(v, T) else "")
