# reversed() uses __reversed__ first, then __len__/__getitem__
class Rev:
    def __reversed__(self):
        return iter("custom")
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
class NoLen:
    def __getitem__(self, i):
        return i
print(list(reversed(Rev())), list(reversed(Seq())), "".join(reversed(Seq())))
try:
    reversed(NoLen())
except TypeError as e:
    print("TypeError", e)
class RevNone:
    __reversed__ = None
try:
    reversed(RevNone())
except TypeError as e:
    print("TypeError", e)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r), type(reversed(range(3))).__name__, type(reversed("ab")).__name__)
