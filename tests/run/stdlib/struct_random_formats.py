# struct: pseudo-random formats, values and buffers (seeded, so the run is fixed).
import struct, _random
r = _random.Random(7)
def rnd(n): return int(r.random() * n)
codes = 'xcbB?hHiIlLqQnNefdspP'
vals = [0, 1, -1, 127, -128, 255, 256, 65535, -32769, 2**31, 2**32 - 1, 2**63 - 1, -2**63, 2**64 - 1, 0.5, -1e10, 1e40, b'', b'ab', b'abcdef', True, None, 'x']
out = []
for _ in range(500):
    pre = '@=<>!'[rnd(5)]
    fmt = pre
    for _ in range(rnd(4) + 1):
        c = codes[rnd(len(codes))]
        n = rnd(4)
        fmt += (str(n) if n != 1 else '') + c
    try:
        n = struct.calcsize(fmt)
        s = struct.Struct(fmt)
        nitems = len(s.unpack(bytes(n)))
        args = [vals[rnd(len(vals))] for _ in range(nitems)]
        b = s.pack(*args)
        out.append((fmt, b.hex(), s.unpack(b)))
    except Exception as e:
        out.append((fmt, type(e).__name__, str(e)))
    try:
        data = bytes(rnd(256) for _ in range(struct.calcsize(fmt)))
        u = struct.unpack(fmt, data)
        out.append(tuple(x if x == x else 'nan' for x in u))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
for o in out:
    print(o)
