# remaining str methods and protocol details
print("abc".__hash__() == hash("abc"), "ab".__iter__().__next__(), list(iter("xyz")), list(reversed("abc")))
print("title case".title(), "a".isidentifier(), "Hello"[1:].upper(), "x".join(map(str, range(5))))
print(str.upper("abc"), str.join("-", ["a", "b"]), str.format("{}", 1), str.__new__(str, 5))
print("ǆ".title(), "ǆemal".capitalize(), "hello\tworld".expandtabs(tabsize=3))
print(ord("A"), chr(97), "abc".encode().hex(), "%c" % 128512)
it = iter("hé")
print(next(it), next(it), next(it, "done"))
print(sorted(["b", "A", "a", "B", "é", "e"]), sorted(["b", "A", "a"], key=str.lower))
print("".join(sorted("hello")), "hello".count("l"), "a b".split(" "), "abc" * 2 == "abcabc")
print(str(object=1), repr(str), "é".encode("utf-8").decode("latin-1"))
try:
    str(b"a", "utf-8", "strict", 1)
except TypeError as e:
    print("TypeError", e)
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError", e)
