# join, concatenation, repetition, slicing, comparison
print(", ".join(["a", "b", "c"]), "".join([]), "-".join("abc"), " ".join(x for x in ("p", "q")), "x".join(["only"]))
for bad in [["a", 1], [None], "a b".split() + [b"c"]]:
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError", e)
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[1:7:3], s[-3:-1], s[10:], s[5:2], s[5:2:-1], s[-100:100])
try:
    s[8]
except IndexError as e:
    print("IndexError", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, len("héllo"), len(""), "a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a")
print("Z" > "a", "é" > "z", "abc" == "abc", "abc" != "ABC", "a" <= "a", "" < "a", min("hello"), max("hello"))
for f in [lambda: "a" + 1, lambda: "a" * "b", lambda: "a" < 1, lambda: "ab" * 1.5, lambda: 1 + "a"]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(str(), str(123), str(1.5), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"))
print(str.__len__("abc"), "abc".__contains__("b"), "abc".__getitem__(1), "a".__add__("b"), "a".__mul__(3), "a".__rmul__(2))
