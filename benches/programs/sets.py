"""Set work: membership, union, intersection, difference of int sets."""


def work(n):
    a = set()
    b = set()
    for i in range(n):
        a.add(i * 7 % n)
        if i % 3 == 0:
            b.add(i * 11 % n)
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in a:
            hits += 1
        if i in b:
            hits += 2
    inter = a & b
    uni = a | b
    diff = a - b
    sym = a ^ b
    seen = set()
    dups = 0
    for i in range(n):
        k = (i * i) % 10007
        if k in seen:
            dups += 1
        else:
            seen.add(k)
    return hits, len(inter), len(uni), len(diff), len(sym), dups


print("checksum", *work(600000))
