# round() on .5 boundaries for ints and floats at several ndigits
print([round(x / 2) for x in range(-7, 8)])
print([round(n, -1) for n in range(-25, 30, 5)])
print([round(n, -2) for n in [50, 150, 250, 350, -50, -150, 1050]])
print([round(x, 1) for x in [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 1.25, 2.675]])
print([round(x, 2) for x in [1.005, 1.015, 1.025, 0.125, 0.375, 2.345]])
print(round(0.5 + 1e-16), round(-0.5), round(1.5), round(2**53 + 0.5), round(1e300, -299), round(123.456, -1))
