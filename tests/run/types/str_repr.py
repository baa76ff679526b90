# repr and ascii of strings: quote choice, escapes, non-printables
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\ncr\r", "back\\slash", "\x00\x07\x1f\x7f",
           "\x80\x9f\xa0\xad", "é ü ß", "中文", "\u2028\u2029", "\ud800", "\U0001f600", "\U000e0001", "\ufeff", "\u200b", "\ue000"]
for s in samples:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("'\""), repr("\\'"), str("a\nb"), f"{'x'!r}", f"{'é'!a}")
print(repr(["a", "b'c"]), repr(("é",)), repr({"k": "\n"}))
