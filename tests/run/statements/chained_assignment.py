# chained assignment evaluates the right side once and assigns left to right
def value():
    print("  value computed")
    return [1, 2]
a = b = c = value()
print(a is b is c)
class Log(dict):
    def __setitem__(self, k, v):
        print("  set", k)
        super().__setitem__(k, v)
d = Log()
d["first"] = d["second"] = 0
x, y = z = 1, 2
print(x, y, z)
i = 0
l = [10, 20, 30]
i = l[i] = 1
print(i, l)
