"""Exceptions raised and caught: try/except in loops, nested handlers, finally."""


class AppError(Exception):
    pass


def parse(s):
    try:
        return int(s)
    except ValueError:
        raise AppError(s) from None


def run(n):
    ok = bad = fin = 0
    values = [str(i) if i % 4 else "x%d" % i for i in range(n)]
    for v in values:
        try:
            ok += parse(v) % 3
        except AppError:
            bad += 1
        finally:
            fin += 1
    lookups = 0
    d = {i: i for i in range(0, 1000, 2)}
    for i in range(n):
        try:
            lookups += d[i % 1000]
        except KeyError:
            lookups -= 1
    return ok, bad, fin, lookups


print("checksum", *run(900000))
