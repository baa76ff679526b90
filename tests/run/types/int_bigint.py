# arbitrary precision integers
a = 2 ** 200
print(a)
print(a * a)
print(a - 1, -a + 1)
print(a // 3, a % 3, divmod(-a, 7))
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)), f % 1000007)
print(f // (10 ** 40), f >> 100, f << 7)
print((-f) >> 3, (-f) // 8)
print(pow(3, 200), pow(-3, 101))
print(pow(2, 1000, 10**9 + 7), pow(3, -1, 11), pow(123456789, 987654321, 2**61 - 1))
print(10**50 // 10**49, 10**50 % 999999999999)
print(abs(-10**40), -(10**40), 10**40 == 10**40, 10**40 < 10**41)
print(hex(2**100), oct(2**70), bin(2**65 + 1))
print(0xFFFFFFFFFFFFFFFFFFFFFFFF & 0xF0F0F0F0F0F0F0F0F0F0, (2**130) | 1, (2**130) ^ (2**129))
print(~(2**100), -(2**100) & 0xFFFF, (-(2**100)) | 5, (-(2**70)) ^ (2**70))
print(2**64 * 2**64 == 2**128, 2**63 - 1, -2**63)
print(float(2**100), float(-(2**60) + 1), int(1e30))
print(12345678901234567890123456789 * 98765432109876543210987654321)
print(-12345678901234567890 // 12345, -12345678901234567890 % 12345)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(10**400 > 1e308, 10**400 == float("inf"), -(10**400) < -1e308)
print((10**400) / (10**399))
