# re.error messages with positions, and argument errors of the
# Pattern and Match methods.
import re

for pat in ('(', ')', 'a**', '[a', 'a{2,1}', '(?P<1>a)', '(?P<a>a)(?P<a>b)', r'\1', '(?<=a+)b',
            '(?z)', r'\xz', r'\u12', '[z-a]', '*', '(?P=n)', '(?', 'a(?i)b', '(?#x',
            '(?P<n>a)(?P=n', 'x{1,2}{3}', r'[\d-z]', '(?i', '(?<a', '(?(2)a|b)', '(?(x)a)', 'a' * 3 + ')'):
    try:
        re.compile(pat)
        print(repr(pat), 'compiled')
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile('(?x)\n\n  (')
except re.error as e:
    print(e, e.lineno, e.colno)
try:
    re.compile(b'\\u1234')
except re.error as e:
    print(e)

p = re.compile('(a)(b)')
calls = [
    lambda: p.match(),
    lambda: p.match('ab', 'x'),
    lambda: p.match('ab', 0, 1, 2),
    lambda: p.match('ab', pos=1, bogus=2),
    lambda: p.search(string='ab', pos=0).span(),
    lambda: p.sub('x'),
    lambda: p.split('ab', maxsplit='2'),
    lambda: p.findall(),
    lambda: p.match('ab').start(1, 2),
    lambda: p.match('ab').group(a=1),
    lambda: p.match('ab').groups(1, 2),
    lambda: p.match('ab').span('x'),
    lambda: p.match('ab').expand(),
    lambda: re.compile(123),
    lambda: re.compile('a', flags='x'),
    lambda: p.match('ab', 10**20),
    lambda: p.match('ab')[5],
    lambda: p.match('ab')[{}],
    lambda: re.compile('(?P<n>a)').match('a')[[]],
    lambda: len(p.match('ab')),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
