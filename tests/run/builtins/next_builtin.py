# next() with and without default
it = iter([1, 2])
print(next(it), next(it, "d"), next(it, "d"), next(it, None))
g = (x for x in "ab")
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
for bad in [[1], 5, "s"]:
    try:
        next(bad)
    except TypeError as e:
        print("TypeError", e)
class It:
    def __next__(self):
        raise StopIteration("val")
try:
    next(It())
except StopIteration as e:
    print("StopIteration", e.value)
print(next(It(), "fallback"))
