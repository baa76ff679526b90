# operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(1 + 2 << 1, 1 + (2 << 1), 6 & 3 | 8, 6 & (3 | 8), 5 ^ 1 & 3, 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 == 2), 1 < 2 == 2, (1 < 2) == 2, 3 - 2 - 1, 2 / 2 / 2, 10 // 3 * 3, 10 % 3 * 2)
print(True or False and False, (True or False) and False, not True or True, -3 % 5, -(3 % 5), ~1 + 1, ~(1 + 1))
print(1 if True else 2 if False else 3, [1, 2][0] ** 2, "a" "b" * 2, ("a" "b") * 2, 2 * 3 ** 2, (lambda: 0 if False else 1)())
