a = [x * 2 for x in range(10) if x if x > 3]
b = {x: y for x, y in items}
c = {x for x in s for y in x}
d = (x for x in g)
e = [y for x in z for y in [x]]
def f(n):
    return [i + n for i in range(n)]
