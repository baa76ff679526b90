# dir(): sorted names of scopes and objects
def f():
    b = 1
    a = 2
    return dir()
print(f())
class K:
    z = 1
    def m(self):
        pass
k = K()
k.inst = 2
print([n for n in dir(k) if not n.startswith("__")], [n for n in dir(K) if not n.startswith("__")])
print("append" in dir([]), "upper" in dir(""), "real" in dir(1), dir([]) == sorted(dir([])))
class Custom:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Custom()))
import sys
print("argv" in dir(sys), "path" in dir(sys))
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError", e)
x = 1
print([n for n in dir() if not n.startswith("__")])
