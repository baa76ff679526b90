"""Dict work: counting words, lookups, updates, iteration over items."""


def work(n):
    words = ["w%d" % (i % 5003) for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    index = {}
    for i, w in enumerate(words):
        if w not in index:
            index[w] = i
    total = 0
    for k, v in counts.items():
        total += v * index[k] % 97
    merged = {**counts, "extra": 1}
    inverted = {v: k for k, v in index.items()}
    return total, len(counts), len(merged), len(inverted), counts["w17"]


print("checksum", *work(2000000))
