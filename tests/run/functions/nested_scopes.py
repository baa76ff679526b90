# name resolution: local, enclosing, global, builtin; class scopes are skipped by nested functions
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def uses_builtin():
    return len("abc")
len_backup = len
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(uses_builtin(), shadow_builtin(), len("ab"))
class C:
    y = "class attr"
    def method(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
    z = [y for _ in range(1)] if False else None
print(C().method())
class D:
    a = 1
    b = [a for _ in range(2)] if False else "skipped"
    try:
        c = [a for _ in range(2)]
    except NameError as e:
        c = "NameError: " + str(e)
print(D.c)
def gen_scope():
    v = 10
    return list(v + i for i in range(3))
print(gen_scope())
def conditional_local(flag):
    if flag:
        val = "set"
    return val
print(conditional_local(True))
try:
    conditional_local(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
