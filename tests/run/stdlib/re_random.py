# Randomly generated patterns (fixed seeds, own generator) checked against
# CPython: spans, groups, findall, sub, split and fullmatch regs.
import re
class Rnd:
    def __init__(self, seed):
        self.x = seed * 2654435761 + 12345
    def random(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.x >> 11) / float(1 << 53)
    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))
    def choice(self, seq):
        return seq[int(self.random() * len(seq))]
seed = 13
N = 120
rnd = Rnd(seed)
ngroups = 0
def atom(d):
    global ngroups
    r = rnd.random()
    if d > 3 or r < 0.35:
        return rnd.choice(['a', 'b', '.', '[ab]', '[^a]', r'\w', 'c', r'\b', '^', '$', '(?i:A)', 'B', '(?i:[k-s])', '(?i)\u017f', '\W', '\s', '[^\W\d]'])
    if r < 0.5:
        ngroups += 1
        return '(' + alt(d + 1) + ')'
    if r < 0.6:
        return '(?:' + alt(d + 1) + ')'
    if r < 0.65:
        return '(?=' + alt(d + 1) + ')'
    if r < 0.7:
        return '(?!' + alt(d + 1) + ')'
    if r < 0.73:
        return '(?<=' + rnd.choice(['a', 'b', 'ab', '[ab]']) + ')'
    if r < 0.76:
        return '(?<!' + rnd.choice(['a', 'b', 'ab']) + ')'
    if r < 0.8:
        return '(?>' + alt(d + 1) + ')'
    if r < 0.85 and ngroups:
        return '\\%d' % rnd.randint(1, ngroups)
    if r < 0.88 and ngroups:
        return '(?(%d)%s|%s)' % (rnd.randint(1, ngroups), atom(d + 1), atom(d + 1))
    return atom(d + 1)
def piece(d):
    a = atom(d)
    q = rnd.choice(['', '', '', '*', '+', '?', '*?', '+?', '??', '{1,2}', '{2}', '{0,3}?', '*+', '++', '?+', '{1,3}+'])
    return a + q
def seq(d):
    return ''.join(piece(d) for _ in range(rnd.randint(1, 3)))
def alt(d):
    return '|'.join(seq(d) for _ in range(rnd.choice([1, 1, 2, 3])))
for i in range(N):
    ngroups = 0
    p = alt(0)
    try:
        c = re.compile(p, rnd.choice([0, 0, re.I, re.M, re.S]))
    except re.error as e:
        print(i, 'error', e)
        continue
    for s in [''.join(rnd.choice('abab\u017fKk\u212a\xe9\xc9 \n') for _ in range(rnd.randint(0, 14))) for _ in range(3)]:
        try:
            m = c.search(s)
            out = [p, s, m and (m.span(), m.groups(), m.lastindex), c.findall(s), c.sub('-', s), c.split(s)]
            f = c.fullmatch(s)
            out.append(f and f.regs)
        except Exception as e:
            out = [p, s, type(e).__name__, str(e)]
        print(i, out)
