# The buffer protocol: memoryview, bytes(), struct.pack_into, readinto, exports block resizes.
import array, io, struct

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.shape, m.readonly, m.tolist(), m[1], len(m), m.obj is a)
m[0] = 7
print(a)
show(lambda: a.append(4))
show(lambda: a.extend([4]))
show(lambda: a.pop())
show(lambda: a.remove(7))
show(lambda: a.insert(0, 1))
show(lambda: a.frombytes(b'\0\0\0\0'))
show(lambda: a.fromlist([1]))
show(lambda: a.__delitem__(0))
show(lambda: a.__iadd__(array.array('i', [1])))
show(lambda: a.__imul__(2))
show(lambda: a.__setitem__(slice(0, 1), array.array('i')))
a[0] = 8; a.reverse(); a.byteswap(); a.byteswap(); a.extend([]); a *= 1
print(m.tolist())
m.release()
a.append(4); print(a)
with memoryview(a) as m2:
    show(lambda: a.append(5))
a.append(5); print(a)
for tc in 'bBhHiIlLqQfd':
    print(tc, memoryview(array.array(tc, [1, 2])).format, memoryview(array.array(tc, [1, 2])).tolist())
print(bytes(array.array('h', [1, 256])), bytearray(array.array('B', [65, 66])))
print(b''.join([array.array('B', [67])]), array.array('B', b'ab') == b'ab')
b = array.array('b', [0] * 8)
struct.pack_into('<i', b, 2, 0x01020304); print(b)
show(lambda: struct.pack_into('<q', b, 4, 1))
print(struct.unpack_from('<h', array.array('b', [1, 2])))
f = io.BytesIO(b'abcdefgh'); c = array.array('B', [0] * 4); print(f.readinto(c), c)
c2 = array.array('h', [0] * 2); print(io.BytesIO(b'\x01\x00\x02\x00').readinto(c2), c2)
mv = memoryview(array.array('d', [1.5, 2.5]))
print(mv.cast('B').tolist()[:8], mv.tobytes() == array.array('d', [1.5, 2.5]).tobytes())
u = array.array('u', 'ab')
mu = memoryview(u)
print(mu.format, mu.itemsize, mu.nbytes, bytes(mu) == u.tobytes())
show(lambda: mu.tolist())
show(lambda: mu[0])
# Views compared with arrays item by item, and slice assignment from arrays of the same format.
x = array.array('i', [1, 2, 3])
mx = memoryview(x)
print(mx == x, mx == array.array('i', [1, 2, 4]), mx == array.array('d', [1, 2, 3]), mx == array.array('b', [1, 2, 3]))
print(mx[::2] == array.array('i', [1, 3]), memoryview(array.array('d', [float('nan')])) == array.array('d', [float('nan')]))
mx[0:2] = array.array('i', [8, 9]); print(x)
mx[::2] = memoryview(array.array('i', [5, 6])); print(x)
show(lambda: mx.__setitem__(slice(0, 2), array.array('h', [1, 2])))
show(lambda: mx.__setitem__(slice(0, 2), array.array('i', [1])))
show(lambda: mx.__setitem__(slice(0, 2), b'12345678'))
mx.release()
