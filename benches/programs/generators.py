"""Generators: pipelines of generator functions and expressions, yield from."""


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squared(it):
    for x in it:
        yield x * x


def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(lists):
    for sub in lists:
        yield from sub


def run(n):
    total = sum(squared(evens(numbers(n))))
    count = sum(1 for c in chunks(numbers(n), 7))
    flat = sum(flatten(chunks(numbers(n // 2), 5)))
    gen_exp = sum(x % 7 for x in range(n) if x % 3)
    return total, count, flat, gen_exp


print("checksum", *run(2400000))
