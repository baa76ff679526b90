# bin/oct/hex agree with format's #b/#o/#x, and int() parses them back
ok = True
for n in list(range(-20, 21)) + [2**40, -(2**40) + 3, 10**30]:
    ok = ok and bin(n) == format(n, "#b") and oct(n) == format(n, "#o") and hex(n) == format(n, "#x")
    ok = ok and int(bin(n), 0) == n and int(oct(n), 0) == n and int(hex(n), 0) == n
print(ok, bin(-5), oct(-5), hex(-5), format(-5, "b"), format(255, "#010b"), "%#o" % 8, "%#X" % 255)
