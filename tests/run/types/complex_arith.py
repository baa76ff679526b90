# complex arithmetic details: signed zeros, division, powers with int exponents, equality with reals
print((1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) ** 3, (2j) ** 2, (1 + 1j) ** -2, (1j) ** 0.5)
print(complex(1, -0.0), -(0j), 0j * -1, complex(-0.0, -0.0), abs(-3 - 4j), abs(1e300 + 1e300j))
print(1 + 2j == complex(1, 2), 2 + 0j == 2, 2 + 0j == 2.0, (1 + 1j) != 1, hash(2 + 0j) == hash(2), (0.5 + 0j).real)
print((3 + 4j).conjugate(), (3 - 4j).imag, complex("1e3-2.5e-1j"), complex(" (1+2j) "), complex("-j"), complex("+1.5"))
for bad in ["(1+2j", "1+2j)", "1 + 2j", "2jj", "nanj+"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
