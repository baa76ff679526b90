for i in range(10):
    if i % 2:
        continue
    elif i > 5:
        break
    print(i)
else:
    print("done")
while x:
    x -= 1
    if x == 3:
        break
else:
    pass
while True:
    if f():
        break
if a and b or c:
    pass
if not (a or b):
    x = 1
else:
    x = 2
if x is None:
    y = 1
if x is not None:
    y = 2
