a = 1
b = "two"
c = [a, b]
total = c[0] + c[1] * 2 - a
