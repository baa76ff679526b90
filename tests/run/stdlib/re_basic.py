# Matching basics: literals, classes, anchors, repeats (greedy, lazy,
# possessive), alternation, groups and the Match object's API.
import re

def show(pat, s, flags=0, fn='search'):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except Exception as e:
        print(fn, repr(pat), repr(s), '->', type(e).__name__, e)
        return
    if m is None:
        print(fn, repr(pat), repr(s), '-> None')
    else:
        print(fn, repr(pat), repr(s), '->', m.span(), repr(m.group()), m.groups(), m.lastindex)

cases = [
    ('abc', 'xxabcxx'), ('a.c', 'abc a\nc'), ('^abc$', 'abc'), ('^b', 'ab'),
    ('a*', 'aaa'), ('a+', 'baaa'), ('a?b', 'ab'), ('a{2,3}', 'aaaa'), ('a{2}', 'a'),
    ('a{,2}', 'aaa'), ('a{2,}', 'aaaaa'), ('a*?', 'aaa'), ('a+?', 'aaa'), ('a??', 'a'),
    ('a{2,3}?', 'aaaa'), ('a*+', 'aaa'), ('a++a', 'aaa'), ('(?:ab)*+', 'ababa'),
    ('(?>a+)b', 'aaab'), ('(?>a+)a', 'aaa'), ('(a|ab)(c|bcd)(d*)', 'abcd'),
    ('(a+)+b', 'aaab'), ('(a*)*', 'b'), ('(a*)+', 'b'), ('(a|b)*?c', 'abac'),
    ('[abc]+', 'xcabz'), ('[^abc]+', 'abxyzc'), ('[a-z0-9_]+', 'Hello_42!'),
    (r'\d+\s\w+', 'ab 12 cd'), (r'\D\S\W', 'a1b c!d'), (r'\bfoo\b', 'a foo b'),
    (r'\Bfoo', 'afoo'), (r'\Aab\Z', 'ab'), (r'ab$', 'ab\n'), (r'ab\Z', 'ab\n'),
    ('(a)(b)?', 'a'), ('(a)|(b)', 'b'), ('((a)|b)+', 'ab'), ('(a)*', 'aaa'),
    (r'(a)\1', 'aa'), (r'(a)\1', 'ab'), (r'(?P<x>\w)(?P=x)', 'xyzzy'),
    (r'(a)?(?(1)b|c)', 'ab'), (r'(a)?(?(1)b|c)', 'c'), (r'(?P<q>")?\w+(?(q)")', '"abc"'),
    (r'foo(?=bar)', 'foobaz foobar'), (r'foo(?!bar)', 'foobar foobaz'),
    (r'(?<=ab)c', 'abc'), (r'(?<!ab)c', 'abc xc'), (r'(?<=(a))b', 'ab'),
    (r'x*', ''), ('', ''), ('a|', 'b'), ('|a', 'a'), (r'[\]]', ']'), (r'[]a]', 'a'),
    (r'\x41\u00e9\U0001F600', 'A\u00e9\U0001F600'), (r'[\u0100-\u0200]+', 'a\u0150\u01ff'),
    (r'\t\n\r\f\v\a', '\t\n\r\f\v\a'), (r'\0', '\x00'), (r'\101', 'A'),
    ('(?s).+', 'a\nb'), ('.+', 'a\nb'), ('(?m)^b$', 'a\nb\nc'), ('(?m)a$', 'a\nb'),
    ('(?x) a b # comment\n c', 'abc'), ('(?i)ABC', 'aBc'), ('(?i)[a-c]+', 'AbCd'),
    ('(?i:a)b', 'Ab'), ('(?i:a)b', 'AB'), ('(?-i:a)b', 'aB'),
    ('(a)(?:b)(c)', 'abc'), ('(?P<first>a)(?P<second>b)?', 'a'),
    ('((((((((((a))))))))))', 'a'), (r'((((((((((a))))))))))\10', 'aa'),
    ('(a{1,2}){2}', 'aaa'), ('(a?){3}', 'aa'), ('(?:a|b)+?c', 'ababc'),
    ('a{0}', 'a'), ('(ab|a)(bc|c)', 'abc'), ('(.*)(\\d+)', 'abc123'),
    ('(.*?)(\\d+)', 'abc123'), ('(?:x(y)?)+', 'xyx'), ('(a|(b))+', 'ab'),
]
for p, s in cases:
    show(p, s)
for p, s in [('abc', 'abcd'), ('a*', 'aaab'), ('a|ab', 'ab'), ('(a|ab)', 'ab'), ('a*?', 'aa')]:
    show(p, s, fn='fullmatch')
    show(p, s, fn='match')

m = re.search(r'(?P<word>\w+) (?P<num>\d+)?', 'hello 42 world')
print(m.group('word'), m['num'], m[0], m.group(1, 'num'))
print(m.start(), m.end(), m.span('num'), m.start(2), m.end('word'))
print(m.groupdict(), m.groups(), m.lastgroup, m.lastindex)
print(m.re.pattern, m.string, m.pos, m.endpos, m.regs)
m = re.match(r'(a)(b)?', 'a')
print(m.groups(), m.groups('X'), m.span(2), m.start(2), m.group(2), m.regs)
m = re.match(r'(?P<a>a)(?P<b>b)?', 'a')
print(m.groupdict(), m.groupdict(0), m.lastgroup)
print(repr(m), repr(re.match('x*', 'y')), repr(re.search('b', 'a' * 100 + 'b' * 60)))
for bad in (3, -1, 'nope', None, 1.5, [1]):
    try:
        print(m.group(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(m.group(True), m.span(False))
print(re.match('a', 'a').lastindex, re.match('a', 'a').lastgroup)
print(bool(re.match('', '')), m.__copy__() is m, m.__deepcopy__({}) is m)
print(re.Match[str], re.Pattern[bytes])
try:
    re.Match()
except TypeError as e:
    print(e)
