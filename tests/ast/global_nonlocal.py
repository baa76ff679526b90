x = 0
def f():
    global x
    global a, b, c
    x = 1
    def g():
        nonlocal_var = 1
        def h():
            nonlocal nonlocal_var
            nonlocal_var += 1
        return h
    return g
class C:
    global y
def outer():
    v = w = 0
    def inner():
        nonlocal v, w
