# unicode strings: lengths, indexing of astral characters, combining marks, case of non-ASCII
s = "a\u0301 e\u0300 \U0001F600\U0001F601 中文 Ω"
print(len(s), [c for c in s][:4], s[5], s[-1], s[::-1], s.upper(), s.lower())
print([hex(ord(c)) for c in "é\U0001F600"], "\U0001F600".encode("utf-8"), len("\U0001F600".encode("utf-8")), "é".encode("utf-8"))
print("Ⅻ".lower(), "ǲ".upper(), "ǲ".lower(), "ﬃ".upper(), "Straße".casefold(), "ΣΑΣ ΣΑΣ".lower(), "İ".lower().encode("utf-8"))
print("\u00c5" == "\u212b", "é" < "ê", sorted(["ä", "a", "z", "Z"]), max("αβγ"), "中".isalpha(), "٣".isdigit(), int("٣٤"))
print("x\u200by".split(), "a\u00a0b".split(), "a\u3000b".split(), repr("\u0085".strip()), len("\N{LATIN SMALL LETTER E WITH ACUTE}"))
for c in ["\x1b", "\u00ad", "\u0378", "\ud7ff", "\ue000", "\U000f0000", "\U0010ffff", "\u2066"]:
    print(repr(c), c.isprintable())
