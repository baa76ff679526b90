# iter(iterable) and iter(callable, sentinel)
lines = ["a", "b", "", "c"]
it = iter(lambda: lines.pop(0), "")
print(type(it).__name__, list(it), lines)
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 5)), next(iter(tick, 0)))
count[0] = 0
it2 = iter(tick, 7)
print(next(it2), next(it2), list(it2), list(it2))
def raiser():
    raise StopIteration
print(list(iter(raiser, 1)))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError", e)
class Old:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * i
print(list(iter(Old())), type(iter(Old())).__name__)
