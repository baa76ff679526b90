# comparisons between ints and floats, exact for huge values
pairs = [(1, 1.0), (2**53, 2.0**53), (2**53 + 1, 2.0**53), (10**400, float("inf")), (-10**400, float("-inf")), (0, -0.0),
         (1, float("nan")), (2**1024, 1.7976931348623157e308), (-(2**63), -9.223372036854776e18), (3, 3.0000000000000004)]
for a, b in pairs:
    print(a if a < 10**20 else "big", b, a == b, a < b, a > b, a <= b, a >= b, a != b)
print(1 == True, 0.0 == False, 1.5 == 3 / 2, int("7") == 7.0, 2**64 == 18446744073709551616.0, hash(2**64) == hash(2.0**64))
print(sorted([3, 1.5, 2, -0.5, 10**20, 1e20]), max(2, 2.0), min(2.0, 2), max(True, 1))
