# Pickling (protocols 0-5), __reduce_ex__, _array_reconstructor, copy.
import array, copy, pickle

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for tc in array.typecodes:
    x = array.array(tc, 'ab' if tc == 'u' else [1, 2])
    for p in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, p))
        assert x == y and type(y) is array.array, (tc, p, y)
    print(tc, x.__reduce_ex__(2)[1], x.__reduce_ex__(3)[1][1:])

class A(array.array):
    pass
s = A('d', [1.5, -2])
s.attr = 'x'
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, p))
    print(p, type(t).__name__, t, t.attr)
print(copy.copy(s), copy.deepcopy(s), type(copy.copy(s)).__name__)
print(array.array('i', [1, 2]).__reduce_ex__(2)[2], s.__reduce_ex__(4)[2])
show(lambda: array.array('i').__reduce__())
show(lambda: array.array('i').__reduce_ex__())

it = iter(array.array('i', [1, 2, 3]))
next(it)
print(list(pickle.loads(pickle.dumps(it))))

