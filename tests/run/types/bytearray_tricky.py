# bytes/bytearray corner cases: mutation during conversion, self-assignment, exceptions from __index__/__iter__, None start/end
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class BadInt:
    def __index__(self):
        1 / 0
class BadIterable:
    def __iter__(self):
        1 / 0
for t in (bytes, bytearray):
    show(lambda: t(BadInt()))
    show(lambda: t([BadInt()]))
    show(lambda: t(BadIterable()))
    for bad in [0.0, ["0"], [0.0], [None], [-1], [256], [10**100], [-10**100]]:
        show(lambda: t(bad))
class X:
    def __index__(self):
        a.clear()
        return 42
a = [X(), X()]
show(lambda: bytes(a))
class Y:
    def __index__(self):
        if len(a) < 10:
            a.append(self)
        return 42
a = [Y()]
show(lambda: bytes(a))
class Boom:
    def __index__(self):
        b.clear()
        return 0
b = bytearray(b"Now you see me...")
show(lambda: b.__setitem__(0, Boom()))
show(lambda: b)
b = bytearray(range(16))
b[8:] = b
print(b)
b = bytearray(range(10))
v = memoryview(b)
def resize(n):
    b[1:-1] = range(n + 1, 2 * n - 1)
resize(10)
orig = b[:]
for f in [lambda: resize(11), lambda: resize(9), lambda: resize(0), lambda: b.pop(0), lambda: b.remove(b[1]),
          lambda: b.__delitem__(1), lambda: b.__setitem__(slice(1, -1, 2), b"")]:
    show(f)
    print(b == orig)
v.release()
h, l, x, o = b"h", b"l", b"x", b"o"
for s in [b"hello", bytearray(b"hello")]:
    print(s.find(l, None), s.find(l, -2, None), s.find(l, None, -2), s.rfind(l, None), s.index(l, None, -2), s.rindex(h, None, None))
    print(s.count(l, None), s.count(l, -2, None), s.endswith(o, None), s.endswith(l, None, -2), s.startswith(h, None, -2), s.startswith(x, None, None))
    for m in (s.find, s.rfind, s.index, s.rindex, s.count, s.startswith, s.endswith):
        show(lambda: m(x, None, None, None))
    for m in (s.count, s.find, s.index, s.rfind, s.rindex):
        show(lambda: m(-1))
        show(lambda: m(9999))
it = iter(bytearray(b"abc"))
ba = bytearray(b"abc")
it = iter(ba)
print(next(it), it.__length_hint__())
ba.clear()
show(lambda: next(it))
show(lambda: it.__length_hint__())
ba.extend(b"xyz")
show(lambda: next(it))
print(bytearray(b"ab").partition(b"c"), bytearray(b"ab").rpartition(b"c"), bytearray(b"").partition(b"x"))
