# replace, translate, maketrans
s = "one two one three one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", ""), "ab".replace("ab", "abab"))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t))
t2 = str.maketrans({"a": "AA", "b": None, 99: 100})
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans("ab", "cd", "xyz")
print(sorted(t3.items()), "axbycz".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): None}), "abc".translate({}), "abc".translate([]))
class Table:
    def __getitem__(self, k):
        if k == ord("b"):
            raise LookupError
        return k + 1
print("abc".translate(Table()))
for args in [("ab", "c"), ({"ab": 1},), (1,), ({1.5: 1},)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "a".translate({97: 3.5})
except TypeError as e:
    print("TypeError", e)
try:
    "a".translate({97: 0x110000})
except ValueError as e:
    print("ValueError", e)
