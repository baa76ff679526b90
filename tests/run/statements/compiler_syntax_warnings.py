x = 1
if x is 1: pass
x = (1,2)(3) if 0 else 0
y = [1](2) if 0 else 0
z = (1,2)["a"] if 0 else 0
w = [x for x in range(3)][None] if 0 else 0
q = f"{x}"[1.5] if 0 else 0
r=1[2] if 0 else 0
v = None[1] if 0 else 0
u = {1}[0] if 0 else 0
t=(x,)["s"] if 0 else 0
if 1 is 1 is x: pass
x is (1,2)
x is -1
x is (x,)
x is not "a"
assert (x, 2)
assert ()
print("done")
def f(a):
    return a is 5, a[1] if 0 else 0
print(f(3))
compile("x is 1", "nofile.py", "exec")
