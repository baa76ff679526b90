# marshal's errors: unmarshallable values, malformed data, arguments.
import marshal


def show(f, *args):
    try:
        r = f(*args)
        print('ok', repr(r)[:60])
    except Exception as e:
        print(type(e).__name__, e)


class Sub(int):
    pass


for v in [object(), Sub(3), [1, object()], {'k': print}, range(3), lambda: 0, type, 1 << 20000 if False else None]:
    show(marshal.dumps, v)

deep = []
for _ in range(3000):
    deep = [deep]
show(marshal.dumps, deep)

bad = [
    b'', b'N', b'Nextra', b'\x01', b'i', b'i\x01\x02', b'i\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00',
    b'l\x01\x00\x00\x00\x00\x80', b'l\x02\x00\x00\x00\x01\x00', b'l\x00\x00\x00\x80', b'l\x00\x00\x00\x00',
    b's\x05\x00\x00\x00ab', b's\xff\xff\xff\xff', b')\x02N', b')\x010', b'[\x01\x00\x00\x000', b'(\x02\x00\x00\x00NN',
    b'r\x00\x00\x00\x00', b'\xe9\x01\x00\x00\x00', b'[\x02\x00\x00\x00\xe9\x07\x00\x00\x00r\x00\x00\x00\x00',
    b'[\x01\x00\x00\x00r\x01\x00\x00\x00', b'{N', b'{NN0', b'{0', b'{NNN', b'<\x01\x00\x00\x00[\x00\x00\x00\x00',
    b'z\x03ab', b'z\x02\xc3\xa9', b'u\x02\x00\x00\x00\xc3\xa9', b'u\x01\x00\x00\x00\xff', b'g\x00\x00', b'y' + b'\x00' * 8,
    b'f\x031.5', b'f\x03abc', b'x\x011\x012', b'I\x01\x00\x00\x00\x00\x00\x00\x80', b'S', b'.', b'T', b'F', b'0',
    b'>\x00\x00\x00\x00', b'<\x00\x00\x00\x00', b'?', b'c',
]
for data in bad:
    print(data[:12], end=' ')
    show(marshal.loads, data)

show(marshal.loads, 'N')
show(marshal.loads, bytearray(b'i\x05\x00\x00\x00'))
show(marshal.loads, memoryview(b'N'))
show(marshal.loads)
show(marshal.loads, b'N', b'N')
show(marshal.dumps)
show(marshal.dumps, 1, 2, 3)
show(marshal.dumps, 1, 1.5)
show(marshal.dumps, 1, 'x')
try:
    marshal.dumps(1, version=2)
except TypeError as e:
    print('TypeError', e)
