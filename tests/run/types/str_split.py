# split / rsplit / splitlines / partition / rpartition
s = "  a  b   c d  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(" ", 2), s.rsplit(" ", 2))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 1), "".split(), "".split(","), "abc".split("abc"))
print("a--b--c".split("--", maxsplit=1), "a--b--c".rsplit(sep="--", maxsplit=1), "x".split("x"))
print("a\tb\nc\x0bd\x0ce\x1cf\u2028g\x85h".split())
print("line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1c7\x1d8\x1e9\x8510\u202811\u202912".splitlines())
print("one\ntwo\n".splitlines(), "one\ntwo\n".splitlines(True), "".splitlines(), "\n".splitlines(), "a\r\n\r\nb".splitlines(keepends=True))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError", e)
for sep in ["=", "==", "x", "a"]:
    print("key=val=x".partition(sep), "key=val=x".rpartition(sep))
try:
    "a".partition("")
except ValueError as e:
    print("ValueError", e)
print("1 2 3".split(maxsplit=0), "1 2 3".split(" ", -1), "  x  ".rsplit(maxsplit=0))
