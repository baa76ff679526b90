# str/repr of ints and int literal forms; negative numbers; huge powers of two
for n in [0, -0, 7, -7, 10**18, -(10**18), 2**63, 2**64 - 1, -(2**63), 0xdeadbeef, 0o777, 0b1011]:
    print(str(n), repr(n), len(str(n)), str(n).lstrip("-") == str(abs(n)))
print(str(2**1000)[:20], len(str(2**1000)), str(-(3**500))[:10], sum(int(d) for d in str(2**1000)))
print(int(str(2**2000)) == 2**2000, f"{2**100:,}", f"{-2**70:_}", f"{7:+}", f"{-7: }", f"{42:e}")
