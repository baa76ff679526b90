# callable()
class C:
    def __call__(self):
        return 1
class N:
    pass
for v in [len, print, lambda: 0, C, C(), N, N(), 5, "s", None, [].append, type, object(), int.__add__, (x for x in [])]:
    print(type(v).__name__, callable(v))
