# binascii: pseudo-random data through every codec (seeded, so the run is fixed).
import binascii, _random
r = _random.Random(11)
def rnd(n): return int(r.random() * n)
alpha = b'AZaz09+/=\n\r \t._!`-~\x00\xff'
for _ in range(400):
    n = rnd(30)
    data = bytes(rnd(256) for _ in range(n))
    text = bytes(alpha[rnd(len(alpha))] for _ in range(n))
    res = []
    for f, a, k in [(binascii.a2b_base64, (text,), {}), (binascii.a2b_base64, (text,), {'strict_mode': True}),
                    (binascii.a2b_qp, (text,), {}), (binascii.a2b_qp, (text + data,), {'header': True}),
                    (binascii.b2a_qp, (data + text,), {}), (binascii.b2a_qp, (text * 5,), {'quotetabs': True, 'header': True}),
                    (binascii.b2a_qp, (data,), {'istext': False}),
                    (binascii.a2b_uu, (text,), {}), (binascii.b2a_uu, (data,), {'backtick': bool(n % 2)}),
                    (binascii.crc32, (data, rnd(2**32)), {}), (binascii.crc_hqx, (data, rnd(2**16)), {}),
                    (binascii.hexlify, (data, '-', rnd(7) - 3), {})]:
        try:
            res.append(f(*a, **k))
        except Exception as e:
            res.append((type(e).__name__, str(e)))
    print(res)
for s in [b'abcd=', b'abcd==', b'ab==\n', b'abc=\n', b'abcd= ', b'=']:
    try:
        print(binascii.a2b_base64(s, strict_mode=True))
    except binascii.Error as e:
        print('Error', e)
