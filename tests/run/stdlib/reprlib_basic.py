import reprlib

r = reprlib.Repr()
print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 100))
print(reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset(range(3))))
print(reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr([]))
print(reprlib.repr(10 ** 50), reprlib.repr([[[[[[1]]]]]]))
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3, 4]), r.repr("abcdefghijklmnop"))
print(reprlib.repr(b"x" * 50))


class Rec:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Rec(" + ", ".join(map(repr, self.children)) + ")"


x = Rec()
x.children.append(x)
x.children.append(Rec())
print(repr(x))


class Custom:
    def __repr__(self):
        return "C" * 40


print(reprlib.repr(Custom()))
print(reprlib.repr([Custom(), Custom()]))
