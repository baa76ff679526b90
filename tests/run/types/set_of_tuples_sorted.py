# sets of non-int elements, always shown sorted; equality and containment
words = set("the quick brown the lazy quick".split())
print(sorted(words), len(words), "quick" in words, "slow" in words)
points = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(sorted(points), (1, 2) in points, sorted(p for p in points if sum(p) == 3))
a, b = set("abcde"), set("cdefg")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= set("abcdefgh"), sorted(frozenset("xy") | {"z"}))
