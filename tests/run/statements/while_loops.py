# while loops with complex conditions, nested loops, counters
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz 27:", steps)
i = j = 0
while i < 3 and j < 10:
    i += 1
    j += i * 2
print(i, j)
a, b = 0, 1
fibs = []
while len(fibs) < 10:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 100
while x := x // 3:
    print("x", x)
