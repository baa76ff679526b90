x = 1 + 2 * 3
y = -1
z = (1, 2, (3, 4))
a = [1, 2, 3]
b = {1, 2, 3}
c = {'a': 1, 'b': 2}
d = {**c, 'e': x}
e = [*a, *b]
f = x if y else z
g = x and y or z
h = not x
i = a[1:2]
j = a[::2]
k = x < y < z
l = f"{x!r:>{y}} and {z}"
m = x is None
n = x in [1, 2, 3]
o = x.y.z
p = (w := 10)
del a[0], x.y
print(x, y, sep='')
q = 2 ** 100
r = "abc" * 3
s = 1.5 + 2j
t = ~5
u = (x, *a)
v = lambda q, *r, s=1, **t: q + s
w = x.y(1, *a, k=2, **c)
a, b = b, a
a, *b, c = range(10)
x += 1
x.y -= 2
x[1] *= 3
assert x, "msg"
