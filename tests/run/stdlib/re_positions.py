# pos beyond endpos, negative and out-of-range pos/endpos, for every method.
import re
for pat in ('', 'x*', '$', '^', 'a*?', '(?:)', r'\b', '.*', 'a|', '(?=c)', '(?<=b)', 'c+?', 'c*+', '(?:c)*', '(c)*', '(?>c*)', 'b{0,2}'):
    p = re.compile(pat)
    for pos, endpos in ((2, 1), (3, 0), (1, 1), (5, 2), (2, 2), (-3, -1), (0, -10)):
        r = []
        for fn in ('match', 'fullmatch', 'search'):
            m = getattr(p, fn)('abc', pos, endpos)
            r.append(m and (m.span(), m.pos, m.endpos))
        r.append(p.findall('abc', pos, endpos))
        r.append([m.span() for m in p.finditer('abc', pos, endpos)])
        print(repr(pat), pos, endpos, r)
