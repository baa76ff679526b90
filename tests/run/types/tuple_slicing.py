# tuple slicing, including reversed and full slices, and tuple method errors
t = tuple("abcdefg")
print(t[::-1], t[::1] is t, t[:] is t, t[0:7] is t, t[-100:100] is t, t[::-2], t[5:1:-1], t[1:6:2], t[10:], t[:-10])
class T(tuple):
    pass
u = T((1, 2, 3))
print(type(u[:]).__name__, u[:] == u, type(u[::-1]).__name__, u[::-1])
for f in [lambda: t.count(), lambda: t.index(), lambda: t.index("z"), lambda: t.index("a", 2), lambda: t[1.0],
          lambda: t.__getnewargs__(1), lambda: tuple.__class_getitem__(), lambda: t[::0], lambda: t["x":],
          lambda: tuple(1), lambda: tuple([1], [2]), lambda: t + [1], lambda: t * "x", lambda: t[100]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(tuple.__add__((1,), (2,)), tuple.__mul__((1,), 3), (1, 2).__rmul__(2), t.index("c", -5, -1), t.count("a"))
print((1, 2).__getnewargs__(), tuple[int], tuple.count.__qualname__, tuple.__len__((1, 2)))
