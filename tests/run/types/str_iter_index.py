# str indexing, slicing and iteration over the PEP 393 kinds; iterator types
for s in ["hello", "héllo", "h€llo", "h😀llo", ""]:
    it = iter(s)
    print(type(it).__name__, list(it), list(it), len(s), s[::-1], s[1:4], s[::2], s[-2:], s[10:], s[-100:2], s[4:1], s[::-2])
    print([s[i] for i in range(-len(s), len(s))], s[:], s[1:-1:1], s[len(s):], s[3::-1] if s else "")
    try:
        s[len(s)]
    except IndexError as e:
        print("IndexError", e)
it = iter("abc")
print(next(it), it.__length_hint__() if hasattr(it, "__length_hint__") else "", list(it))
for k in [1.0, "1", None, slice(1, 2, 0), [1]]:
    try:
        print("abc"[k])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class I:
    def __index__(self):
        return 1
print("abc"[I()], "abc"[True], "abc"[I():], "abc"[:I()], "abcdef"[1:5:I()], "abc"[-(2**70):2**70])
print(sorted(["b", "é", "a", "€", "😀", "A", "", "aa"]), "é" > "e", "😀" > "€", "a" < "aa", max("hello"), min("héllo"))
print(list(reversed("héllo")), "".join(reversed("ab😀")), "abc" * 3, 3 * "€", "ab" * 0, "ab" * -1, "x" * True)
print("b" in "abc", "" in "", "é" in "café", "😀" in "a😀b", "ac" in "abc", "abc".__contains__(""))
for bad in [lambda: 1 in "abc", lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: "a" < 1, lambda: "a" * (2**63)]:
    try:
        bad()
    except (TypeError, OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
class S(str):
    pass
print(type(iter(S("abc"))).__name__, type(iter(S("é"))).__name__, list(iter(S("ab"))), type(next(iter(S("ab")))).__name__)
