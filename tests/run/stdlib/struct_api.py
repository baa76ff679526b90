# struct: module functions, Struct objects, buffers and their errors.
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(struct.error, struct.error.__mro__, struct.Struct, struct.Struct.__module__)
print(issubclass(struct.error, Exception), struct.error('x'))
t(struct.pack); t(struct.pack, 1); t(struct.pack, b'i', 1); t(struct.pack, 'i', x=1)
t(struct.pack, 'i'); t(struct.pack, 'i', 1, 2); t(struct.pack, 'ii', 1)
t(struct.pack, '2i3s', 1, 2, b'abc')
t(struct.unpack, 'i', b'abc'); t(struct.unpack, 'i'); t(struct.unpack, 'i', 'abcd'); t(struct.unpack, 'i', b'abcd', 1)
t(struct.unpack, '<i', bytearray(b'abcd')); t(struct.unpack, '<i', memoryview(b'abcd'))
t(struct.unpack, '', b''); t(struct.unpack, '', b'a')
t(struct.unpack_from, 'i', b'abcdef', 3); t(struct.unpack_from, 'i', b'abcdef', -7)
t(struct.unpack_from, '<i', b'abcdef', -4); t(struct.unpack_from, '<i', b'abcdef', offset=2)
t(struct.unpack_from, '<i', buffer=b'abcdef'); t(struct.unpack_from, 'i', b'abcd', 'x')
t(struct.unpack_from, 'i'); t(struct.unpack_from, 'i', b'abcd', 0, 1); t(struct.unpack_from, 'i', b'abcd', bad=1)

b = bytearray(8)
t(struct.pack_into, 'i', b, 6, 1); t(struct.pack_into, 'i', b, -3, 1); t(struct.pack_into, 'i', b, -9, 1)
t(struct.pack_into, '<i', b, -4, 7); print(b)
t(struct.pack_into, 'i', b); t(struct.pack_into, 'i'); t(struct.pack_into, 'i', b, 0)
t(struct.pack_into, 'i', b, 0, 1, 2); t(struct.pack_into, 'i', b'abcd', 0, 1)
t(struct.pack_into, 'i', b, 'x', 1); t(struct.pack_into, 'i', b, 0, 'x'); print(b)
m = memoryview(b)
t(struct.pack_into, '>i', m, 1, 0x01020304); print(b)
t(struct.pack_into, '>h', memoryview(b'abcd'), 0, 1)
t(struct.pack_into, '>h', m[2:], 1, 0x0506); print(b)

t(struct.iter_unpack, 'i', b'abcde'); t(struct.iter_unpack, '', b'abcde')
t(lambda: list(struct.iter_unpack('<h', b'abcdef')))
it = struct.iter_unpack('<h', b'abcdef')
print(it.__length_hint__(), next(it), it.__length_hint__(), type(it), iter(it) is it)
print(list(it), it.__length_hint__())
t(struct.iter_unpack, 'i', 'abcd')

s = struct.Struct('<ih')
print(s.format, s.size, type(s.format), type(s))
print(s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x00\x00\x02\x00', 2))
print(list(s.iter_unpack(bytes(12))))
t(s.pack, 1); t(s.unpack, b''); t(s.unpack_from, b'abc', offset=-5); t(s.pack, 1, 2, x=3)
ba = bytearray(6); s.pack_into(ba, 0, 3, 4); print(ba)
s2 = struct.Struct(b'>q'); print(s2.format, s2.size, repr(s2)[:22])
t(struct.Struct); t(struct.Struct, 1); t(struct.Struct, 'i', 'j'); t(lambda: struct.Struct(format='i').size)
t(struct.Struct, '3z'); t(lambda: struct.Struct('i').__init__('hh'))
s3 = struct.Struct('i'); s3.__init__('hh'); print(s3.format, s3.size)


class MyStruct(struct.Struct):
    def __init__(self, fmt):
        super().__init__('<' + fmt)
        self.extra = 1


ms = MyStruct('hh')
print(ms.format, ms.size, ms.pack(1, 2), ms.extra, isinstance(ms, struct.Struct))
for f in ['<i', '<i', b'<i', '<h']:
    print(struct.pack(f, 1))
struct._clearcache()
print(struct.pack('<i', 5))
try:
    s.format = 'x'
except AttributeError as e:
    print('AttributeError')
for f, a, k in [(s.unpack, (1, 2), {}), (s.unpack, (), {'buffer': 1}), (s.iter_unpack, (1, 2), {}),
                (s.pack_into, (), {'x': 1}), (s.unpack_from, (), {}), (s.unpack_from, (b'', 1, 2), {}),
                (struct.calcsize, (1, 2), {}), (struct.calcsize, (), {'format': 'i'}),
                (struct.iter_unpack, ('i',), {}), (struct.unpack, ('i',), {'x': 1}),
                (struct.pack_into, ('i',), {'x': 1}), (struct._clearcache, (1,), {}),
                (s.unpack_from, (b'abcdef',), {'offset': -3}), (s.unpack_from, (b'abcdefgh',), {'offset': -6})]:
    t(f, *a, **k)
for f in ['', 'i', 'ii', '2i', 'ihq', '5s']:
    print(f, struct.Struct(f).__sizeof__())


class Neg:
    def __index__(self):
        return -2**70


for c in ['>Q', 'P', '>q']:
    t(struct.pack, c, Neg())
t(struct.pack, [1], 1)
import copy
t(copy.copy, struct.Struct('i'))
u = struct.Struct.__new__(struct.Struct)
print(repr(u.format), u.size)
t(u.pack); t(u.unpack, b'')
