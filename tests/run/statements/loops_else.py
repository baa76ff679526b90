# for/while with else, break, continue
for i in range(3):
    pass
else:
    print("for completed", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
out = []
for i in range(10):
    if i % 3:
        continue
    out.append(i)
print(out)
for i in []:
    print("never")
else:
    print("empty for else")
for x in range(3):
    for y in range(3):
        if y == 1:
            break
        print("pair", x, y)
k = 5
while k:
    k -= 1
    if k == 2:
        continue
    if k == 1:
        break
else:
    print("not reached")
print("k", k)
