# bool: a subclass of int with its own repr and operators
print(True, False, repr(True), str(False), type(True).__name__, bool.__mro__)
print(isinstance(True, int), issubclass(bool, int), True == 1, False == 0)
print(True & False, True | False, True ^ True, ~True, -True, True + 0.5, True / 2)
print(type(True & True).__name__, type(True + True).__name__, type(~False).__name__)
for v in [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), {}, {0: 0}, None, set(), range(0), range(1), b"", 0j]:
    print(repr(v), bool(v))
print(bool(), bool(x for x in []))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(int(True), float(False), str(True).upper(), format(True), format(True, "d"), format(False, "^7"))
print(True.__and__(1), True.__and__(True), (True).real, True.numerator)
print(bool.__new__(bool, 5), bool("False"), True is bool(1))
print(hash(True), hash(False), {True: "a", 1: "b"})
