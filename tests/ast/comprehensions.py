[x for x in y]
[x for x in y if x if not x]
[x * y for x in a for y in b]
[(x, y) for x in a if x for y in b if y]
{x for x in y}
{k: v for k, v in items}
{k: v for (k, v) in items if k}
(x for x in y)
f(x for x in y)
f(x for x in y for z in x)
[[y for y in x] for x in z]
[x for x, in y]
[x for *a, b in y]
[lambda: i for i in range(3)]
[y := f(x) for x in data]
sum(i * i for i in range(10))
