# boolean operators return operands; truthiness via __bool__ and __len__
class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  bool of", self.v)
        return self.v
class L:
    def __len__(self):
        return 0
print((T(True) and "second"), (T(False) or "fallback"), not T(False), bool(L()), not L())
print([] or {} or 0 or "", 1 and 2 and 3, 0 and undefined_never_evaluated, "x" or undefined_never_evaluated)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError", e)
if T(True):
    print("if took", "branch")
while T(False):
    pass
print([x for x in [0, 1, 2, "", "a"] if x], all([T(True), T(False), T(True)]))
