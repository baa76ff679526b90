# len()
for v in ["", "abc", "é中", b"ab", [1], (), {1: 2}, {1, 2, 3}, frozenset(), range(10), range(0, 10, 3), bytearray(5), memoryview(b"xyz"), {}.keys()]:
    print(type(v).__name__, len(v))
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(5)), len(L(True)))
for v in [L(-1), L(2**70), L(1.5), L("x"), 5, None, iter([])]:
    try:
        print(len(v))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
