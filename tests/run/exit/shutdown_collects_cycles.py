class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A(1); a.self = a
b = A(2)
c = [A(3)]; c.append(c)
del a
print("end")
