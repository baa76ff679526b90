# Unicode character database agreement: predicates and case mappings over sampled code points (a checksum per property)
import sys
props = ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable", "isidentifier", "islower", "isupper", "istitle"]
maps = ["upper", "lower", "title", "casefold", "swapcase", "capitalize"]
step = 61
for p in props:
    acc = 0
    for cp in range(0, 0x30000, step):
        if getattr(chr(cp), p)():
            acc = (acc * 31 + cp) % 1000000007
    print(p, acc)
for m in maps:
    acc = 0
    for cp in range(0, 0x20000, step):
        c = chr(cp)
        r = getattr(c, m)()
        if r != c:
            for ch in r:
                acc = (acc * 31 + ord(ch) + cp) % 1000000007
    print(m, acc)
