# float arithmetic and mixed int/float operations
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** b, -a, +a, abs(-a))
for x, y in [(7.5, -2), (-7.5, 2), (-7.5, -2), (0.0, 3), (-0.0, 3), (5, 0.5), (1e308, 1e308), (1e-320, 10)]:
    print(x, y, x // y, x % y, divmod(x, y), x * y, x / y)
print(2 ** 0.5, (-8) ** (1 / 3), 4 ** -0.5, 0.0 ** 0, 1.0 ** float("nan"))
for expr in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 ** -1, lambda: 10.0 ** 400, lambda: divmod(1.0, 0)]:
    try:
        print(expr())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(-7 % 2.5, 7 % -2.5, -0.0 % 5, 0.0 % -5)
print(1 == 1.0, 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 10**400 > 1e308, 1.0 < 2**1000)
print(float("inf") * 0, float("inf") - float("inf"), float("inf") + 1)
print(0.1 * 3, 1.1 + 2.2, 3 * 1.1, 100 * 1.1, 1 - 0.9)
print(sum([0.1] * 10), 0.1 * 10)
