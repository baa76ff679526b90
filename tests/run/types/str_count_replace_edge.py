# edge cases of count/replace/find with empty strings and ranges
s = "abcabc"
for sub in ["", "a", "bc", "abcabc", "abcabcd"]:
    print(repr(sub), s.count(sub), s.count(sub, 1), s.count(sub, 1, 4), s.find(sub, 6), s.rfind(sub, 0, 0), s.replace(sub, "-", 1) if sub else s.replace(sub, "-"))
print("".count(""), "".count("a"), "a".count("", 5), "aaa".rfind("", 1), "abc".find("c", -1), "abc".find("a", -10, -2))
print("x".replace("x", "yy", -5), "".replace("", "a", 0), "aa".replace("a", "b", 1), "banana".replace("ana", "_"))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".endswith("", 1, 0))
