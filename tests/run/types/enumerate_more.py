# enumerate: big starts, negative starts, __index__ starts, laziness
class I:
    def __index__(self):
        return 100
print(list(enumerate("ab", 2**70)), list(enumerate("ab", -5)), list(enumerate("ab", I())), list(enumerate("", 3)))
def gen():
    print("  gen started")
    yield "x"
e = enumerate(gen())
print("enumerate created")
print(next(e), next(e, "end"))
for i, (a, b) in enumerate(zip("xy", "pq"), start=1):
    print(i, a, b)
try:
    enumerate("a", 1.5)
except TypeError as e:
    print("TypeError", e)
