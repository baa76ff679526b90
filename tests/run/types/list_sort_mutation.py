# list.sort() detects a list mutated by the comparisons, even when the
# mutation leaves it empty again (append then pop).
import random
from functools import cmp_to_key


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, e)


L = [1, 2, 3]
def append_pop(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)
attempt("append+pop", lambda: L.sort(key=cmp_to_key(append_pop)))
print(L)

L = [3, 1, 2]
def append_del(x, y):
    L.append(3)
    del L[:]
    return (x > y) - (x < y)
attempt("append+del", lambda: L.sort(key=cmp_to_key(append_del)))
print(L)

L = [5, 4, 3, 2, 1]
def append_only(x, y):
    L.append(0)
    return (x > y) - (x < y)
attempt("append", lambda: L.sort(key=cmp_to_key(append_only)))
print(sorted(L) == [1, 2, 3, 4, 5], len(L))

L = [2, 1]
attempt("seen empty", lambda: L.sort(key=lambda x: (print("len during sort", len(L)), x)[1]))
print(L)


class C:
    def __lt__(self, other):
        if L and rnd.random() < 0.75:
            L.pop()
        else:
            L.append(3)
        return rnd.random() < 0.5


for seed in range(20):
    rnd = random.Random(seed)
    L = [C() for i in range(50)]
    try:
        L.sort()
        print(seed, "no error")
    except ValueError as e:
        print(seed, "ValueError", e, len(L))

# No mutation: no error, and a failing key leaves the list whole.
L = [3, 1, 2]
L.sort(key=lambda x: -x)
print(L)
attempt("bad key", lambda: L.sort(key=lambda x: 1 / (x - 2)))
print(sorted(L))
