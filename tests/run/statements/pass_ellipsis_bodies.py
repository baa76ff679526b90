# statement bodies made of pass or ..., and semicolons
def f(): ...
def g(): pass
class C: ...
if True: x = 1; y = 2; print(x + y)
for i in range(2): print("loop", i); continue
while False: pass
print(f(), g(), C.__name__, x, y)
