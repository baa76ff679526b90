# list.sort and sorted: stability, key, reverse, errors
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data), sorted(data, key=lambda p: p[1]), sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: p[0], reverse=True))
l = [5, 2, 8, 2, 9, 1]
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.sort(key=lambda x: x % 3); print(l)
l.sort(key=lambda x: -x, reverse=True); print(l)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3.5, 1, True, -2, 0.0]), sorted("hello"), sorted({3: 1, 1: 2}), sorted([], reverse=True))
for bad in [[1, "a"], [None, None], [[1], (1,)], [1 + 1j, 2j]]:
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1, 2], key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), sum(s))
pairs = [(i % 10, i) for i in range(100, 0, -1)]
pairs.sort(key=lambda p: p[0])
print(pairs[:12])
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]), sorted(range(10), key=lambda x: x % 2 == 0))
