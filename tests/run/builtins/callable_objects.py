# calling objects with __call__, bound methods of builtins, classes as callables
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), list(map(add5, [1, 2])), callable(add5), callable(Adder))
m = [3, 1, 2].copy
print(m(), sorted([1, 2]).__class__.__name__, int("5"), str.split("a b"), (1).__add__(2))
calls = [int, str, float, list, tuple, dict, set, bool, len, abs, repr]
print([c.__name__ for c in calls], [c() for c in calls[:8]])
try:
    add5()
except TypeError as e:
    print("TypeError", e)
