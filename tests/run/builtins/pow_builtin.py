# pow(): 2 and 3 arguments, negative exponents, modular inverse
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.5, 2), pow(4, 0.5), pow(0, 0), pow(-8, 1 / 3), pow(2, 3, 5), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(5, 0, 1), pow(10**30, 10**5, 10**9 + 9), pow(base=2, exp=5, mod=7))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (0, -1), (0.0, -1), ("a", 2), (2, 1, "m"), (-1, 0.5)]:
    try:
        print(args, pow(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
print(2 ** 100 % 1000 == pow(2, 100, 1000), pow(True, 2), pow(1j, 2))
