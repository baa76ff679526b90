def f():
    a = 1
    return a, b
    b = 2
def g():
    c = 3
    x = c; y = d
    d = 5
def h():
    z = 2
    return 1, z
def k(flag):
    if flag:
        q = 1
    return q
for fn in (f, g, lambda: k(False)):
    try: fn()
    except UnboundLocalError as e: print(e, e.__traceback__.tb_next.tb_lineno)
print(h(), k(True))
def m():
    p = 1
    w = p
    del p
    return w, p
m()
