# int <-> text in every base, formats and bytes over pseudo-random values (a fixed LCG)
state = 987654321
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    s = ""
    m = abs(n)
    while m:
        m, r = divmod(m, b)
        s = digits[r] + s
    return ("-" if n < 0 else "") + s
for i in range(120):
    n = rnd() >> (rnd() % 64)
    if i % 3 == 0:
        n = n * rnd() * rnd()
    if rnd() & 1:
        n = -n
    b = 2 + rnd() % 35
    t = to_base(n, b)
    u = t.upper() if i % 2 else t
    length = (n.bit_length() + 8) // 8
    print(n, b, int(u, b) == n, int(t, 0 if b == 10 and t.lstrip("-")[:1] != "0" else b) == n, format(n, "x"), format(n, "#o"), format(n, "_b")[:30],
          format(n, ",d"), format(n, "+020_d"), format(n, "e"), format(n, ".3%"), n.to_bytes(length, "little", signed=True).hex(),
          int.from_bytes(n.to_bytes(length, "big", signed=True), "big", signed=True) == n, hex(n), oct(n), bin(n)[:20], n.bit_length(), n.bit_count(),
          round(n, -3), n // 7, n % 7, -n >> 5, n << 3)
