# all() and any(), short-circuiting
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0.0, ""]), any([0, "x"]), all("abc"), any(range(0)), all(range(1, 5)))
def noisy(vals):
    for v in vals:
        print("  yield", v)
        yield v
print(all(noisy([1, 0, 1])))
print(any(noisy([0, 2, 3])))
print(all(x > 0 for x in [1, 2, -1]), any(x > 5 for x in range(10)))
for bad in [5, None]:
    try:
        all(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    any(1, 2)
except TypeError as e:
    print("TypeError", e)
