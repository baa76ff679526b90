# float repr, str and format specs over pseudo-random bit patterns (a fixed LCG, so the values are the same everywhere)
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
vals = []
for _ in range(300):
    r = rnd()
    x = float.fromhex("%s0x1.%013xp%d" % ("-" if r & 1 else "", r >> 12, (r % 2046) - 1022))
    vals.append(x)
    vals.append((rnd() % 10**9) / 10 ** (rnd() % 12))
specs = ["", "g", ".3g", ".17g", "e", ".0e", "f", ".2f", "%", "n", ".1", "#.3g", "+.5e", "_.1f", ",.2f", ">20.4g", "G", "E"]
out = []
for v in vals:
    row = [repr(v), str(v), v.hex(), float.fromhex(v.hex()) == v, round(v, 2), round(v, -3) if abs(v) < 1e300 else 0]
    for sp in specs:
        s = format(v, sp)
        row.append(s if len(s) < 40 else len(s))
    row.append("%.3f|%g|%e|%r|%10.4s" % (v, v, v, v, v))
    out.append(row)
for row in out:
    print(row)
