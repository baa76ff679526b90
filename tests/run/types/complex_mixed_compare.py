# comparisons and reflected dunders across int, float, complex and bool
big = 2**53 + 1
pairs = [(1, 1.0), (1, 1 + 0j), (1.0, 1j), (big, float(big)), (complex(big), big), (complex(float(big)), big), (10**400, 1j),
         (10**400, complex(1e300)), (True, 1 + 0j), (float("nan"), complex(float("nan"))), (0, -0.0), (0j, -0.0), (2**1024, float("inf")),
         (-(2**1024), float("-inf")), (1.5, 1.5 + 0j), (3, 3 + 1j)]
for a, b in pairs:
    row = [a == b, b == a, a != b, b != a]
    for op in ["<", "<=", ">", ">="]:
        try:
            row.append(eval("a %s b" % op))
        except TypeError as e:
            row.append("TypeError")
    print(row)
print((1).__eq__(1.0), (1.0).__eq__(1), (1j).__eq__(1), (1).__eq__(1j), (1j).__ne__(big), (1.5).__lt__(2), (2).__lt__(1.5))
print(int.__add__(1, 2.0), float.__add__(1.0, 2), float.__radd__(1.0, 2), complex.__radd__(1j, 2), complex.__rsub__(1j, 2.5), complex.__rtruediv__(2j, 4))
print(float.__rfloordiv__(2.0, 7), float.__rmod__(2.0, 7), float.__rpow__(2.0, 3), int.__rpow__(2, 3), int.__rlshift__(2, 1), complex.__rpow__(2j, 2))
print((1).__add__(True), (True).__add__(True), (1.5).__sub__(True), (1j).__mul__(True), (1j).__mul__("x"), (1.5).__mul__([1]))
