# numeric literal forms
print(0b1010, 0o17, 0xFF, 0XaB, 1_000_000, 0b_1111_0000, 0x_dead_beef, 00, 0_0)
print(1.5, 1., .5, 1e3, 1E-3, 1_0.0_1, 1e1_0, 0.0, 3.14e+2, 1j, 2.5J, 1e3j, 0j)
print(type(1e3).__name__, type(10 ** 3).__name__, 123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFF)
print(1 if 0x0 else 2, -0b1, ~0o7, 0.1 + 0.2, 7 // 2, 7 % -2, -7 // 2)
