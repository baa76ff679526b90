import gc
gc.collect()
class D:
    def __del__(self): print("del D")
def f():
    d = D()
    try:
        1/0
    except Exception as e:
        err = e
    return None
f()
print("after f")
print(gc.collect() > 0)
def g():
    d = D()
    def inner():
        return inner, d
    return None
g()
print("after g")
print(gc.collect() > 0)
class K:
    def m(self): pass
k = K(); k.bm = k.m; del k
print(gc.collect())
