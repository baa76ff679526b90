# enumerate, zip (strict), map, filter, reversed objects
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], start=-1)), next(enumerate(["x"], start=5)))
print(list(zip()), list(zip("ab")), list(zip("abc", range(10), [True, False])), dict(zip("xy", (1, 2))))
print(list(zip("ab", "abc", strict=False)))
for args in [("ab", "abc"), ("abc", "ab"), ("ab", "ab", "a")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isupper, "aBcD")))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), list(enumerate(Seq())))
for f in [lambda: reversed(5), lambda: reversed({1}), lambda: zip(1), lambda: map(abs), lambda: filter(None), lambda: enumerate(1),
          lambda: next(map(abs, ["a"])), lambda: enumerate("a", "b")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
e = enumerate("xyz")
print(iter(e) is e, next(e), next(e), list(e), list(e))
z = zip([1, 2, 3], "ab")
print(next(z), list(z))
m = map(str, range(3))
print(type(e).__name__, type(z).__name__, type(m).__name__, type(filter(None, [])).__name__, type(reversed([])).__name__)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
