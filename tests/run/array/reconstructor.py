# array._array_reconstructor: machine format codes and errors.
import array

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class A(array.array):
    pass

r = array._array_reconstructor
print(r)
show(lambda: r(array.array, 'b', 0, b'a'))
show(lambda: r(array.array, 'x', 0, b'a'))
show(lambda: r(array.array, 'b', 99, b'a'))
show(lambda: r(array.array, 'b', -1, b'a'))
show(lambda: r(int, 'b', 0, b'a'))
show(lambda: r(1, 'b', 0, b'a'))
show(lambda: r(array.array, 'b', 0, 'a'))
show(lambda: r(array.array, 'b', 0))
show(lambda: r(array.array, 'i', 8, b'\x00\x00\x00\x01'))
show(lambda: r(array.array, 'i', 9, b'\x00\x00\x00\x01'))
show(lambda: r(array.array, 'b', 10, b'\x00\x00\x00\x01'))
show(lambda: r(array.array, 'd', 17, b'\x3f\xf0\x00\x00\x00\x00\x00\x00'))
show(lambda: r(array.array, 'f', 15, b'\x3f\xc0\x00\x00'))
show(lambda: r(array.array, 'd', 14, b'\x00\x00\xc0\x3f'))
show(lambda: r(array.array, 'u', 21, 'ab'.encode('utf-32-be')))
show(lambda: r(array.array, 'u', 18, 'ab'.encode('utf-16-le')))
show(lambda: r(array.array, 'u', 19, 'ab'.encode('utf-16-be')))
show(lambda: r(array.array, 'q', 13, bytes(range(8))))
show(lambda: r(array.array, 'b', 12, bytes(range(16))))
show(lambda: r(array.array, 'B', 5, b'\xff\xfe\x00\x01'))
show(lambda: r(array.array, 'B', 7, b'\xff\xff\xff\xfe'))
show(lambda: r(A, 'h', 4, b'\x01\x00'))

for args in [('u', 18, b'\x00\xd8'), ('u', 20, b'\x00\x00\x11\x00'), ('u', 19, b'\xd8\x00\xdc\x00'), ('u', 18, b'a'), ('b', 20, b'a\x00\x00\x00'), ('h', 14, b'\x00\x00\xc0\x3f')]:
    try: print(r(array.array, *args))
    except Exception as e: print(type(e).__name__, e)
for args in [('u', 18, b'\x00\xd8\x00\xd8'), ('u', 21, 'ab'.encode('utf-32-be')), ('u', 18, 'a\U00010000'.encode('utf-16-le'))]:
    try: print(r(array.array, *args))
    except Exception as e: print(type(e).__name__, e)
