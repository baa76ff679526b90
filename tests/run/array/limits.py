# Each typecode's item size and range limits, with the OverflowError/TypeError messages.
import array

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(array.typecodes)
for tc in array.typecodes:
    print(tc, array.array(tc).itemsize, array.array(tc).typecode)

limits = {
    'b': (-128, 127), 'B': (0, 255), 'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1),
    'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'l': (-2**63, 2**63 - 1), 'L': (0, 2**64 - 1),
    'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1),
}
for tc, (lo, hi) in limits.items():
    a = array.array(tc, [lo, hi])
    print(tc, a, a.tobytes().hex())
    for v in (lo - 1, hi + 1, lo - 2**40, hi + 2**40, 2**70, -2**70):
        show(lambda: array.array(tc, [v]))
    for v in (1.0, '1', None, b'x'):
        show(lambda: array.array(tc, [v]))

class Idx:
    def __index__(self):
        return 7
for tc in 'bBhHiIlLqQ':
    show(lambda: array.array(tc, [Idx(), True]))

for tc in 'fd':
    a = array.array(tc, [1, 2.5, -0.0, float('inf'), 1e300 if tc == 'd' else 1e30, True])
    print(tc, a, a.tobytes().hex())
    show(lambda: array.array(tc, ['x']))
    show(lambda: array.array(tc, [None]))
    show(lambda: array.array(tc, [2**2000]))
print(array.array('f', [0.1])[0], array.array('f', [1e40])[0])

u = array.array('u', 'a\u20ac\U0001f600')
print(u, len(u), u.itemsize, u.tobytes().hex(), u[2])
for v in ('ab', '', 1, b'a', None):
    show(lambda: u.append(v))
show(lambda: array.array('u', b'\x00\x00\x11\x00')[0])
show(lambda: repr(array.array('u', b'\x00\x00\x11\x00')))
show(lambda: array.array('u', b'\x00\x00\x11\x00').tounicode())
