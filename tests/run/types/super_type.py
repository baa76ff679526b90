# super(): zero-arg and explicit forms, MRO walk
class A:
    def who(self):
        return ["A"]
    @classmethod
    def cm(cls):
        return "A.cm(" + cls.__name__ + ")"
class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.cm(), B.cm())
print(super(B, D()).who(), super(C, D()).who(), super(D, D).cm())
s = super(B, D())
print(type(s).__name__, s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
class E(A):
    def who(self):
        def inner():
            return super().who()
        try:
            return inner()
        except RuntimeError as e:
            return ["RuntimeError: " + str(e)]
print(E().who())
for f in [lambda: super(), lambda: super(int, "x"), lambda: super(B, 1).who(), lambda: super(A, A()).who()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class F(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
f = F()
f["a"] = 5
print(f)
