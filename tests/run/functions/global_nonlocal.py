# global and nonlocal declarations
g = 0
def set_global():
    global g
    g += 1
    global new_global
    new_global = "created"
set_global()
set_global()
print(g, new_global)
def read_global():
    return g
print(read_global())
def local_shadow():
    g = "local"
    return g
print(local_shadow(), g)
def unbound_local():
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    g = 1
unbound_local()
def outer():
    x = 1
    def inner():
        nonlocal x
        x = 2
        def innermost():
            nonlocal x
            x = 3
        innermost()
    inner()
    return x
print(outer())
class K:
    v = 1
    def m(self):
        return v
try:
    K().m()
except NameError as e:
    print("NameError", e)
def del_global():
    global g
    del g
del_global()
try:
    g
except NameError as e:
    print("NameError", e)
