# str searching: find/rfind/index/rindex/count/startswith/endswith/in
s = "the quick brown fox jumps over the lazy dog the end"
for sub in ["the", "fox", "cat", "", "e", "dog the", "THE"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.find(sub, 10), s.rfind(sub, 0, 30),
          s.find(sub, -10), s.count(sub, 5, -5))
print(s.index("quick"), s.rindex("the"), s.find("the", 100), "".find(""), "abc".find("", 3), "abc".find("", 4))
for f in [lambda: s.index("cat"), lambda: s.rindex("cat"), lambda: s.find(1), lambda: s.count()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(s.startswith("the"), s.startswith(("a", "the q")), s.endswith("end"), s.endswith("the", 0, 34), s.startswith("quick", 4))
print(s.startswith(""), "".endswith(""), s.startswith("x", 100), "abc".endswith(("c", "z"), 1, 3))
try:
    s.startswith(["the"])
except TypeError as e:
    print("TypeError", e)
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "ababab".rfind("ab", 1, 5), "éàü".find("ü"))
print(s.find("o", None, None), s.index("o", 13, None))
