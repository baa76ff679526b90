# map and filter are lazy iterators consumed once
def noisy(x):
    print("  mapping", x)
    return x * 10
m = map(noisy, [1, 2, 3])
print("map created")
print(next(m))
print(list(m), list(m))
f = filter(lambda x: print("  testing", x) or x % 2, range(4))
print("filter created")
print(list(f))
print(list(map(len, ["a", "bb", ""])), list(map(str.upper, "ab")), list(filter(None, map(lambda x: x - 1, [1, 2, 3]))))
print(list(map(lambda *a: a, [1, 2], [3, 4, 5], [6, 7])), sum(map(int, "12345")), list(filter(str.isdigit, "a1b2c3")))
try:
    list(map(lambda x: 1 / x, [1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
