if a:
    pass
if a:
    pass
else:
    pass
if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4
while cond:
    if done:
        break
    continue
while 1:
    pass
else:
    pass
for i in range(10):
    pass
for i, j in pairs:
    pass
else:
    pass
for (a, b) in c: pass
for x in 1, 2, 3: pass
for x in *a, *b: pass
if x: pass
elif y: pass
else: pass
while x: x -= 1
