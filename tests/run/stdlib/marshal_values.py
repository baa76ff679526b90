# marshal.dumps of builtin values, byte for byte as CPython writes them,
# and loads of the result.
import marshal

x = 1000
y = 2.5
s = 'shared text'
values = [
    None, True, False, StopIteration, ..., 0, 1, -1, -5, 256, 257, 1000, x, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
    2**40, -2**40, 2**100, -2**100, 2**15, 2**30, 2**45 - 1, 1.5, -0.0, y, 1e300, float('inf'), float('-inf'),
    3 + 4j, -1j, 'abc', 'with space', '', 'é', 'snow\u2603', '\U0001f600', '\ud800', 'a' * 300, 'b c' * 100,
    b'', b'ab', b'\x00\xff', bytearray(b'xy'), memoryview(b'mv'), (), (1, 2), (x, x), tuple(range(300)),
    [], [1, 'a'], [x, x, y, y], {'a': 1}, {'k': [1, 2], 2: 'v'}, {1, 2, 3}, frozenset(), frozenset({5}), set(),
    [s, s, (s, s)],
]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    r = repr(v) if not isinstance(v, memoryview) else "memoryview"
    print(r if len(r) < 40 else r[:37] + '...', data.hex() if len(data) < 80 else data[:40].hex() + '...', len(data))
    if isinstance(v, (bytearray, memoryview)):
        print('  ->', type(back).__name__, back)
    elif v != v or back != v and not (isinstance(v, float) and back != back):
        print('  MISMATCH', back)
    elif type(back) is not type(v):
        print('  type', type(back).__name__)

# Fresh objects (one reference) are not flagged; shared ones become back-references.
print(marshal.dumps([1.5, 2.5]).hex())
print(marshal.dumps([y, y]).hex())
print(marshal.dumps([[], []]).hex())
lst = [1]
print(marshal.dumps([lst, lst, lst]).hex())
t = (x, 'z')
print(marshal.dumps({'a': t, 'b': t}).hex())

# Versions 0 to 3.
for version in range(5):
    for v in [1.5, 0.1, -0.0, 2j, 'abc', 'é', ('a', 'a'), [x, x], float('inf'), 1e300]:
        print(version, repr(v), marshal.dumps(v, version).hex())

# Shared objects come back shared; a list can contain itself.
a = [1]
b = marshal.loads(marshal.dumps([a, a]))
print(b, b[0] is b[1])
c = []
c.append(c)
d = marshal.loads(marshal.dumps(c))
print(d[0] is d)
e = {}
e['self'] = e
f = marshal.loads(marshal.dumps(e))
print(f['self'] is f)

# Interned strings come back interned.
k = marshal.loads(marshal.dumps(('name_like', 'name_like')))
print(k, k[0] is k[1])
print(marshal.version)
