# int arithmetic: operators, floor division and modulo signs, powers
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (10**20, 7), (-10**20, 7)]:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** 0, 0 ** 0)
print(7 / 2, -7 / 2, 1 / 3, 10**30 / 10**10)
print(-5 >> 1, 5 >> 1, 1 << 100, -1 << 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1)
print(-(-5), +5, abs(-12), -0)
print(True + True, True * 10, False - 1)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xff; print(x)
x |= 0x100; print(x)
x ^= 0x1; print(x)
for expr in ["1 // 0", "1 % 0", "divmod(1, 0)", "1 / 0", "1 << -1", "1 >> -1", "2 ** -1 // 0", "0 ** -1"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2, 5 <= 5, -1 >= 0)
print(int.__add__(3, 4), (3).__mul__(5), (3).__radd__(1), (5).__sub__(2.0))
