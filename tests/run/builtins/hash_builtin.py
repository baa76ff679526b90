# hash() of numbers, tuples, frozensets of ints; unhashables
for v in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**100, -(2**100), 1.0, 0.5, -0.5, 1e100, float("inf"), float("-inf"), True, 1 + 0j, 2j, 3.5 - 1j]:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j), hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(()), hash((1,)), hash((1, 2, 3)), hash(frozenset()), hash(frozenset([1, 2, 3])), hash(None) == hash(None))
for v in [[], {}, set(), ([],), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError", e)
class H:
    def __hash__(self):
        return 2**100
print(hash(H()))
class BadH:
    def __hash__(self):
        return "x"
try:
    hash(BadH())
except TypeError as e:
    print("TypeError", e)
class Eq:
    def __eq__(self, o):
        return True
try:
    hash(Eq())
except TypeError as e:
    print("TypeError", e)
