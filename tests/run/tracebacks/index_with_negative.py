def last_n(items, n):
    return [items[-i] for i in range(1, n + 1)]
print(last_n([1, 2, 3], 2))
print(last_n([1, 2, 3], 5))
