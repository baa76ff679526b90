# closures: capture, late binding, nonlocal, nested levels
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def modify_later():
    v = 1
    def get():
        return v
    v = 2
    return get()
print(modify_later())
def nl_levels():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 1
        l2()
        l2()
    l1()
    return a
print(nl_levels())
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    y = 5
    return inner()
print(unbound())
def uses_before_assign():
    z = 1
    def inner():
        print(z)
        z = 2
    try:
        inner()
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
uses_before_assign()
