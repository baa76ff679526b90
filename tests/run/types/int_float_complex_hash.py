# hashes of numbers agree across int, float, complex, bool (CPython's numeric hash), and special values
vals = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 2**64, 10**40, -(10**40), 0.5, -0.5, 1.5, 1e300, -1e-300,
        2.0**-1074, 2.0**1023, float("inf"), float("-inf"), 3.0, -0.0, True, False, 1j, 1 + 0j, 0.5 - 2j, complex(-1, 0), complex(0, -1)]
for v in vals:
    print(repr(v), hash(v))
print(hash(2**61 - 1) == 0, hash(-(2**61 - 1)), hash(0.1) == hash(0.1), hash(3) == hash(3.0) == hash(3 + 0j))
