*a, = b
a, *b = c
*a, b = c
a, *b, c = d
[a, *b] = c
(a, *b) = c
for *a, b in c: pass
for a, *b in c: pass
first, *(x, y) = z
a, *[b, c] = d
print(*args)
print(*a, *b)
x = *a, *b
x = [*a, *b, 1]
x = {*a, *b}
x = (*a,)
return_value = f(*a, **k)
def g():
    return *a, b
def h():
    yield *a, b
