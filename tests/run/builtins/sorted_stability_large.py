# stable sorting with many equal keys and reverse keeping stability
records = [(i % 7, i) for i in range(100)]
by_key = sorted(records, key=lambda r: r[0])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(99) if by_key[i][0] == by_key[i + 1][0]))
rev = sorted(records, key=lambda r: r[0], reverse=True)
print(rev[:8], all(rev[i][1] < rev[i + 1][1] for i in range(99) if rev[i][0] == rev[i + 1][0]))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(sorted(words), key=len), sorted(words, key=lambda w: (len(w), w)))
