# iterating strings: characters, enumerate, reversed, zip, sorted, set of chars sorted
s = "héllo wörld"
print([c for c in s][:5], list(enumerate(s))[:3], "".join(reversed(s)), list(zip(s, s[1:]))[:3])
print(sorted(s), sorted(set(s)), s.count("l"), {c: s.count(c) for c in sorted(set(s)) if s.count(c) > 1})
it = iter(s)
print(next(it), next(it), "".join(it))
vowels = sum(1 for c in s if c in "aeiouéö")
print(vowels, max(s), min(s.replace(" ", "")), s.index("w"), s[s.index("w"):])
