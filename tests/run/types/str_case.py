# str case methods
words = ["hello world", "HELLO", "hElLo wOrLd", "ǅungla", "straße", "ﬁne", "123abc", "they're bill's", "  mixed_Case-x  ",
         "ΣΑΣ", "İstanbul", "", "a1b2", "title Case Here"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.casefold(), w.capitalize(), w.title(), w.swapcase())
    print("  ", w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isascii())
print("ß".upper(), "ﬀ".upper(), "ΐ".upper(), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Α".lower())
