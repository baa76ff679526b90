# assignment expressions
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10], y)
vals = iter([3, 2, 1, 0, 5])
while (v := next(vals)) != 0:
    print("v", v)
print((total := sum(data)), total)
def f():
    [(last := i) for i in range(4)]
    return last
print(f())
print(any((hit := x) > 10 for x in data), hit)
def g(a=(z := 5)):
    return a
print(g(), z)
print([t := 1, t + 1], (lambda: (q := 9))())
