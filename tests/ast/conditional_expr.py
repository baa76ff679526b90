a if b else c
(a if b else c)
x = a if b else c
x = (a if b else c) if d else e
x = a if (b if c else d) else e
f(a if b else c)
lambda: a if b else c
[a if b else c for x in y]
[x for x in y if (a if b else c)]
