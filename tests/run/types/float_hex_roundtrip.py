# float.hex / fromhex round trips and repr round trips on many values
vals = [0.1 * i for i in range(20)] + [1e-300, 2.2250738585072014e-308, 4.9e-324, 1.7976931348623157e308, 123.456e7, -9.87654321]
print(all(float.fromhex(v.hex()) == v for v in vals), all(float(repr(v)) == v for v in vals))
for v in vals[:6] + vals[-6:]:
    print(repr(v), v.hex(), str(v), format(v, ".17g"))
print(float.fromhex("0x1.999999999999ap-4"), float.fromhex("0x0.0000000000001p-1022"), float.fromhex("-0x1.fffffffffffffp+1023"))
