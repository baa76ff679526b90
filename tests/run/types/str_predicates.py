# is* predicates
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", "3.5", " ", "\t\n", "a b", "_x", "x1", "1x", "if",
           "Ünïcode", "中文", "Ⅻ", "ǅ", "\x00", "a\u0301", "ℌ", "abc!", "\u2028"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isidentifier(), s.isprintable(), s.isascii(), s.islower(), s.isupper(), s.istitle())
