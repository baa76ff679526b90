# slice objects and indices()
s = slice(1, 10, 2)
print(s, repr(slice(None)), s.start, s.stop, s.step, slice(5).stop, slice(1, 2).step)
for sl in [slice(None), slice(2, None), slice(None, -1), slice(-3, None, -1), slice(None, None, -2), slice(100, -100, -3),
           slice(-100, 100), slice(5, 1), slice(0, 10, 3)]:
    print(sl, sl.indices(7), sl.indices(0), list(range(7))[sl])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
for f in [lambda: slice(0, 1, 0).indices(5), lambda: slice(1).indices(-1), lambda: hash(slice(1)), lambda: slice(),
          lambda: slice("a").indices(3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Key:
    def __getitem__(self, k):
        return k
k = Key()
print(k[1:2], k[::3], k[1:2, 3], k[...], k[:, None], k["a":"b":"c"])
