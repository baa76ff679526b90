"""List work: append, comprehension, sort, slicing, index updates."""


def work(n):
    data = []
    seed = 12345
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 100000)
    squares = [x * x % 1000 for x in data if x % 2]
    data.sort()
    top = sorted(squares, reverse=True)[:10]
    total = 0
    for i in range(0, len(data) - 1, 2):
        data[i], data[i + 1] = data[i + 1], data[i]
        total += data[i] - data[i + 1]
    rev = data[::-1]
    return total, sum(top), rev[0], len(squares), sum(data[:1000])


print("checksum", *work(700000))
