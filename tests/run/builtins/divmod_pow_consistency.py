# identities between //, %, divmod and pow over many operands
ok = True
for a in range(-20, 21):
    for b in [-7, -3, -1, 1, 2, 5]:
        q, r = divmod(a, b)
        ok = ok and q == a // b and r == a % b and q * b + r == a and (r == 0 or (r > 0) == (b > 0))
print(ok)
fok = True
for a in [-7.5, -1.0, 0.0, 2.25, 9.0]:
    for b in [-2.0, 0.5, 3.0]:
        q, r = divmod(a, b)
        fok = fok and q == a // b and r == a % b
print(fok, all(pow(b, e, m) == (b ** e) % m for b in range(-5, 6) for e in range(6) for m in [1, 2, 7, 13]))
print([pow(a, -1, 17) for a in range(1, 17)])
