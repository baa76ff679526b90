# __sizeof__ follows the allocation pattern of CPython arrays.
import array
def sz(a): return a.__sizeof__() - 64
a = array.array('b'); s=[]
for i in range(20): a.append(1); s.append(sz(a))
print(s)
a = array.array('b', [1]*5); print(sz(a)); a.extend([1]); print(sz(a)); a.frombytes(b'xx'); print(sz(a))
del a[:]; print(sz(a))
a = array.array('i', range(10)); a.pop(); print(sz(a)); a*=2; print(sz(a))
print(sz(array.array('b', b'abcde')), sz(array.array('u', 'abc')), sz(array.array('i', array.array('i', [1,2]))))
a = array.array('h', range(40)); print(sz(a)); del a[::2]; print(sz(a)); del a[:10]; print(sz(a)); a[0:0] = array.array('h', [1]*30); print(sz(a))
a = array.array('h', [1]*3); 
try: a.fromlist([1, 2, 'x'])
except TypeError: pass
print(sz(a)); a.insert(0, 5); print(sz(a)); a.remove(5); print(sz(a)); a += array.array('h', [1]*20); print(sz(a))
a = array.array('d', range(30)); a *= 0; print(sz(a))
print(sz(a[1:]), sz(a.__copy__()), sz(array.array('q', [1, 2]) + array.array('q', [3])), sz(array.array('q', [1]) * 3))
