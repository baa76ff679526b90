# int operators over a matrix of small, word-boundary and big values (floor division, modulo, shifts, powers, bit ops)
vals = [0, 1, -1, 7, -7, 2**31, -(2**31), 2**62, -(2**62), 2**63 - 1, -(2**63), 2**63, 2**64 + 3, -(2**64) - 5, 10**30, -(10**30) + 7]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
       "divmod": divmod, "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b, "/": lambda a, b: a / b,
       "cmp": lambda a, b: (a < b, a == b, a >= b)}
for name, f in ops.items():
    row = []
    for a in vals:
        for b in vals:
            try:
                row.append(f(a, b))
            except ZeroDivisionError as e:
                row.append("ZDE:" + str(e))
    print(name, row)
for a in vals:
    out = []
    for n in [0, 1, 3, 31, 32, 63, 64, 65, 100]:
        out.append((a << n, a >> n))
    print(a, out, -a, ~a, abs(a), +a, a.bit_length(), a.bit_count(), hash(a), a == float(a), float(a) if abs(a) < 2**64 else 0)
for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**40]:
    out = []
    for b in [0, 1, 2, 3, 5, 10, 31, 63, 64, -1, -2]:
        try:
            out.append(a ** b)
        except ZeroDivisionError as e:
            out.append("ZDE:" + str(e))
    print(a, out)
for a, b, m in [(2, 10, 1000), (3, 200, 10**9 + 7), (-3, 5, 7), (3, -5, 7), (2**100, 2**100, 10**20 + 1), (5, 0, 1), (5, 3, -7), (0, 0, 5), (-2, 3, -5)]:
    print(a, b, m, pow(a, b, m))
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, -(2**63) // -1, (-(2**63)) % -1, divmod(-(2**63), -1), 2**63 // 2**62, (10**30) // -(7))
print(10**20 / 3, 2**63 / 2**10, (2**1000 + 1) / 2**999, -(2**70) / 3, 1 / 3, -1 / 3, (2**53 + 1) / 1, 6 / -3)
