# struct: every format code, byte order prefix and range error.
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**15, -2**15 - 1, 2**16, 2**31, -2**31 - 1,
          2**32, 2**63, -2**63 - 1, 2**64, 2**70, -2**70, 1.5, '1', True]
for c in 'bBhHiIlLqQnN':
    for p in '@<>=!':
        if c in 'nN' and p != '@':
            continue
        print(p + c, struct.calcsize(p + c), end=': ')
        out = []
        for v in values:
            try:
                b = struct.pack(p + c, v)
                out.append(b.hex() + '=' + str(struct.unpack(p + c, b)[0]))
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
        print(' | '.join(out))

for v in [0, -1, 2**63, 2**64, -2**63 - 1, 1.0]:
    t(struct.pack, 'P', v)
t(struct.unpack, 'P', b'\xff' * 8)

for p in '@<>':
    for c in 'efd':
        for v in [0.0, -0.0, 1.0, 0.1, -2.5, 65504.0, 65520.0, 1e-8, 6e-8, 1e-7, 3.4e38, 1e39, 1e300,
                  float('inf'), float('-inf'), 1 / 3, 10**300, 10**400, 'x', 3]:
            try:
                b = struct.pack(p + c, v)
                print(p + c, v, b.hex(), struct.unpack(p + c, b))
            except Exception as e:
                print(p + c, v, type(e).__name__, e)
    n = struct.unpack(p + 'e', struct.pack(p + 'e', float('nan')))[0]
    print(n != n)

for b in [b'\x00\x7c', b'\x00\xfc', b'\x01\x7c', b'\x01\x00', b'\xff\x03', b'\x00\x04', b'\xff\x7b']:
    t(struct.unpack, '<e', b)

# bytes codes
t(struct.pack, 'c', b'a'); t(struct.pack, 'c', b'ab'); t(struct.pack, 'c', 'a'); t(struct.pack, 'c', bytearray(b'a'))
t(struct.pack, '3s', b'abcdef'); t(struct.pack, '5s', b'ab'); t(struct.pack, 's', 'a'); t(struct.pack, '0s', b'abc')
t(struct.pack, '3s', bytearray(b'xy'))
t(struct.pack, '4p', b'abcdef'); t(struct.pack, 'p', b'abc'); t(struct.pack, '0p', b'a'); t(struct.pack, '2p', b'ab')
t(struct.pack, 'p', 1)
t(lambda: struct.pack('300p', b'a' * 300)[:3])
t(struct.unpack, '3p', b'\x09ab'); t(struct.unpack, '3p', b'\x01ab'); t(struct.unpack, '3s', b'abc')
t(struct.unpack, '?', b'\x05'); t(struct.unpack, '?', b'\x00'); t(struct.unpack, 'c', b'x')
t(struct.pack, '?', []); t(struct.pack, '?', 'x'); t(struct.pack, '>?', 2)
t(struct.pack, '3x'); t(struct.pack, 'x', 1)


class I:
    def __index__(self):
        return 7


class Big:
    def __index__(self):
        return 2**70


class F:
    def __float__(self):
        return 2.5


t(struct.pack, 'i', I()); t(struct.pack, 'd', F()); t(struct.pack, 'd', I()); t(struct.pack, 'i', True)
t(struct.pack, 'f', 3); t(struct.pack, 'i', F()); t(struct.pack, '>q', Big()); t(struct.pack, '>Q', Big())
t(struct.pack, 'q', Big()); t(struct.pack, 'P', Big())

# mixed formats, alignment and whitespace
fmt = '@b h i q f d ? c 2s e'
args = (-1, 300, -70000, 2**40, 1.5, 2.25, True, b'z', b'ok', 0.5)
for p in '@<>=!':
    f = p + fmt[1:]
    b = struct.pack(f, *args)
    print(f, struct.calcsize(f), b.hex(), struct.unpack(f, b))
for f in ['ci', 'ic', 'cq0i', 'c0q', '<cq', 'xxh', '3sd', 'bhiq', 'qihb', '0s', '0x', '10c', 'hP', 'hN',
          '\ti\n', '', '@', '<', '!', 'e', 'c2e']:
    t(struct.calcsize, f)
for f in ['3z', '3', '<n', '<P', '=N', '2 i', 'i i', '99999999999999999999i', '9999999999999999999i',
          '4611686018427387904q', 'i\0i', 'é', b'\xffi', 1, None, [1]]:
    t(struct.calcsize, f)
t(struct.calcsize, b'<i')
