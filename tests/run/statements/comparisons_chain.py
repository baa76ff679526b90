# comparison chains, identity, membership, boolean operators
def v(x):
    print("  eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 != 5 == 5, 1 in [1] not in [[1]], "a" in "abc" in ["abc"])
print(v(0) and v(1), v(2) and v(3), v(0) or v(4), v(5) or v(6), not v(0), not v([]))
print(None or [] or "last", 0 and 1 or 2, (1 and 0) or None)
x = [1, 2]
y = x
print(x is y, x is not [1, 2], None is None, 3 if x else 4, "yes" if [] else "no")
try:
    1 < "a"
except TypeError as e:
    print("TypeError", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError", e)
print([1, 2] == [1, 2.0], (1, 2) != (1, 2), {1: 2} == {1: 2}, 1 == 1.0 == True, "1" == 1)
