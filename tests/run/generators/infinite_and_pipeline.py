# generator pipelines
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for _ in range(n):
        yield next(it)
def squares(it):
    for v in it:
        yield v * v
def evens(it):
    return (v for v in it if v % 2 == 0)
print(list(take(8, squares(evens(naturals())))))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
def running_avg():
    total, count, avg = 0, 0, None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
