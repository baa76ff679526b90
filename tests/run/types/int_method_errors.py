# int methods: argument errors and edge cases, worded as CPython
calls = [lambda: (5).bit_length(1), lambda: (5).bit_count(x=1), lambda: (5).to_bytes(1, "big", False),
         lambda: (5).to_bytes(length=1, byteorder="little"), lambda: (5).to_bytes(1, byteorder=5), lambda: (5).to_bytes("1"),
         lambda: (5).to_bytes(2**70), lambda: int.from_bytes(), lambda: int.from_bytes(b"\x01", "big", True),
         lambda: int.from_bytes(b"\x01", byteorder="little", signed=True), lambda: int.from_bytes(5),
         lambda: int.from_bytes([1, 300]), lambda: int.from_bytes(b"\xff", "big", x=1), lambda: (5).__round__(1, 2),
         lambda: (5).__round__("1"), lambda: (5).__round__(None), lambda: round(12345, -2), lambda: round(-12355, -1),
         lambda: (5).__format__(1), lambda: (5).__format__(), lambda: format(5, "q"),
         lambda: (5).conjugate(1), lambda: (5).as_integer_ratio(1), lambda: (5).__trunc__(1), lambda: (5).__sizeof__(1),
         lambda: (5).__getnewargs__(1), lambda: int("5", base=None), lambda: int(x="5"), lambda: int("5", 10, 3),
         lambda: int(base=10), lambda: int("5", 2.5), lambda: int("5", 2**80), lambda: int(" \u0663\u2007"),
         lambda: int("\u0663" * 3, 16), lambda: int(b" 12 ", 0), lambda: int(b"\xff"), lambda: int(b"1" * 300),
         lambda: int("x" * 300), lambda: int(memoryview(b"12")) if False else 0, lambda: (5).__divmod__(2),
         lambda: (5).__rdivmod__(17), lambda: (-5).__divmod__(0), lambda: divmod(2**70, -7), lambda: (5).__divmod__(1.5),
         lambda: int.__new__(int, "7"), lambda: int.__new__(bool, 1), lambda: (7).numerator, lambda: (7).denominator,
         lambda: (-7).__abs__(), lambda: (2**64).__index__(), lambda: int.__index__(True), lambda: type(int.__index__(True)),
         lambda: type(True.__int__()), lambda: type(+True), lambda: type(-True), lambda: type(abs(True)),
         lambda: (10).__truediv__(4), lambda: (10).__rtruediv__(4), lambda: (2**1100) / (2**1000), lambda: (2**1100) / 3,
         lambda: 1 / (2**2000), lambda: (10**400) / 1, lambda: 7 // 0, lambda: 7 % 0, lambda: 7 / 0, lambda: 0 ** -1,
         lambda: 2 ** -2, lambda: (-8) ** (1 / 3), lambda: pow(3, -1, 7), lambda: pow(2, -1, 4), lambda: pow(3, 2, 0),
         lambda: pow(3, 2, -7), lambda: pow(-3, 3, 7), lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << 2**70,
         lambda: 5 >> 2**70, lambda: -5 >> 2**70, lambda: (5).__lshift__(2.0), lambda: 5 & 2.0, lambda: ~(2**70),
         lambda: hash(2**61 - 1), lambda: hash(2**61), lambda: hash(-1), lambda: hash(-(2**61)), lambda: hash(10**30)]
for i, c in enumerate(calls):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
class MyInt(int):
    pass
m = MyInt(7)
print(type(m).__name__, m, repr(m), type(m + 1).__name__, type(-m).__name__, type(int(m)).__name__, type(m.real).__name__)
print(MyInt.from_bytes(b"\x01", "big"), type(MyInt.from_bytes(b"\x01", "big")).__name__, MyInt("12", 5))
print(type(bool.from_bytes(b"\x01", "big")).__name__, bool.from_bytes(b"\x00", "big"))
