vals = [0, 1, -1, 7, -7, 3, -3, 2**53+1, 2**62-1, -(2**62), 0.0, -0.0, 1.5, -2.5, float('inf'), float('nan'), -8.0]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=']
OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b, '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b, '**': lambda a, b: a ** b, '<<': lambda a, b: a << b, '>>': lambda a, b: a >> b, '&': lambda a, b: a & b, '|': lambda a, b: a | b, '^': lambda a, b: a ^ b, '<': lambda a, b: a < b, '<=': lambda a, b: a <= b, '==': lambda a, b: a == b, '!=': lambda a, b: a != b, '>': lambda a, b: a > b, '>=': lambda a, b: a >= b}
for a, b in [(x, y) for x in vals for y in vals]:
    for op in ops:
        if op in ('<<',) and isinstance(b, int) and b > 200: continue
        if op == '**' and isinstance(b, int) and abs(b) > 100: continue
        try:
            r = OPS[op](a, b)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(a, op, b, "=", repr(r))
def f(x, y):
    n = 0
    if x < y: n += 1
    if x > y: n += 2
    while x < y:
        x += 1
    if x == y: n += 4
    if not (x != y): n += 8
    return n
print(f(1, 5), f(5.0, 1), f(2.5, 3), f(float('nan'), 1.0))
a = 5; a //= 2; a %= 2; a <<= 3; a >>= 1; a /= 3; print(a)
