# array.array(typecode[, initializer]) rules and errors.
import array

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: array.array('x'))
show(lambda: array.array('x', 5))
show(lambda: array.array('bb'))
show(lambda: array.array(''))
show(lambda: array.array(1))
show(lambda: array.array(b'b'))
show(lambda: array.array())
show(lambda: array.array('b', [1], 2))
show(lambda: array.array('b', initializer=[1]))
show(lambda: array.array(typecode='b'))
show(lambda: array.array('b', 'abc'))
show(lambda: array.array('w', 'abc'))
show(lambda: array.array('u', 'abc'))
show(lambda: array.array('u', ['a', 'b']))
show(lambda: array.array('u', [1]))
show(lambda: array.array('b', array.array('u', 'x')))
show(lambda: array.array('u', array.array('b', [1])))
show(lambda: array.array('d', array.array('b', [1, 2])))
show(lambda: array.array('b', array.array('b', [1, 2])))
show(lambda: array.array('b', array.array('h', [1, 300])))
show(lambda: array.array('b', b'abc'))
show(lambda: array.array('h', b'abcd'))
show(lambda: array.array('h', b'abc'))
show(lambda: array.array('b', bytearray(b'xy')))
show(lambda: array.array('b', memoryview(b'xy')))
show(lambda: array.array('b', 5))
show(lambda: array.array('b', None))
show(lambda: array.array('b', range(3)))
show(lambda: array.array('b', (1, 2)))
show(lambda: array.array('i', (x * x for x in range(4))))
show(lambda: array.array('i', {3: 'a'}))
show(lambda: array.array('b', [1, 2, 300]))
print(array.ArrayType is array.array, array.array.__name__, array.array.__module__)
print(type(array.array('b')), type(iter(array.array('b'))))
print(array.array('l', [1, 2]) is not array.array('l', [1, 2]))

class A(array.array):
    def __init__(self, typecode, init=(), extra=None):
        self.extra = extra
a = A('i', [1, 2], extra='x')
print(a, a.extra, type(a).__name__, isinstance(a, array.array))
print(a[:1], type(a[:1]).__name__, type(a + a).__name__, type(a * 2).__name__)

class B(array.array):
    pass
b = B('d', [1.5])
b.attr = 3
print(b, b.attr, b.__dict__)
show(lambda: B('d', x=1))
