# list slice read, assignment and deletion, with steps
l = list(range(10))
print(l[2:5], l[:-3], l[::2], l[::-2], l[7:2:-1], l[-2:], l[100:], l[-100:2], l[5:5], l[slice(1, 8, 3)])
a = list(range(10)); a[2:5] = ["x"]; print(a)
a = list(range(10)); a[2:5] = []; print(a)
a = list(range(10)); a[2:2] = [7, 7]; print(a)
a = list(range(10)); a[::2] = "abcde"; print(a)
a = list(range(10)); a[::-3] = [0, 0, 0, 0]; print(a)
a = list(range(10)); a[:] = (9,); print(a)
a = list(range(10)); a[5:] = a; print(a)
a = list(range(10)); del a[::3]; print(a)
a = list(range(10)); del a[8:1:-2]; print(a)
a = list(range(10)); del a[:]; print(a)
a = list(range(10)); a[-1:] = range(3); print(a)
a = list(range(5)); a[10:20] = [1]; print(a)
for f in [lambda: a.__setitem__(slice(None, None, 2), [1]), lambda: a.__setitem__(slice(0, 2), 5),
          lambda: a.__getitem__(slice(0, 1, 0)), lambda: a.__setitem__(slice(None, None, -1), [])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(a[1:3:None], a[None:None], a[True:], a[0:-1:2])
