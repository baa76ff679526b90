x = 1
x = y = z = 2
a, b = 1, 2
(a, b) = [c, d] = e
[a, (b, c)] = f
x.attr = 3
x[0] = 4
x[1:2] = 5
x += 1
x -= 1
x *= 2
x @= m
x /= 2
x //= 2
x %= 3
x **= 2
x >>= 1
x <<= 1
x &= 1
x ^= 1
x |= 1
obj.attr += 1
obj[i] -= 1
