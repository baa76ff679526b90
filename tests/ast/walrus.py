(x := 1)
if (n := len(a)) > 10:
    pass
while chunk := f.read(10):
    pass
print(y := 2)
[z := 1, w := 2]
f(a, b := 3)
{(k := 1): (v := 2)}
x[(i := 0)]
x[i := 0]
def g(a=(b := 1)): pass
