# bit_length, bit_count, as_integer_ratio, conjugate, real/imag, numerator/denominator
for n in [0, 1, -1, 2, 7, 8, -8, 255, 2**64, -(2**64) + 1, 10**30]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print(True.bit_length(), (5).__index__(), (5).__int__(), (5).__float__(), (5).__bool__(), (0).__bool__())
print(int.__trunc__(7), (7).__floor__(), (7).__ceil__(), (7).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2))
print(round(15, -1), round(25, -1), round(-25, -1), round(12345, -10), round(5, 3))
print((10).__format__("x"), (-3).__abs__(), (3).__neg__(), (3).__invert__(), (3).__pos__())
print(int.__floordiv__(7, 2), int.__rtruediv__(2, 7), (7).__rpow__(2), (2).__pow__(10, 1000))
print((5).__eq__(5), (5).__eq__("5"), (5).__lt__(6.5), (5).__add__("x"))
print(type((5).__sizeof__()).__name__, (3).__getnewargs__())
