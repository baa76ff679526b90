# format() builtin and __format__ dispatch
print(format(5), format(5, ""), format("s", "^5"), format(1.5, ".3f"), format([1, 2]), format(None), format(True, ">6"))
class F:
    def __format__(self, spec):
        return "F[" + spec + "]"
print(format(F(), "abc"), f"{F():xyz}", "{:q}".format(F()))
class Bad:
    def __format__(self, spec):
        return 1
for f in [lambda: format(Bad()), lambda: format([1], "x"), lambda: format(1, 2), lambda: format()]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
