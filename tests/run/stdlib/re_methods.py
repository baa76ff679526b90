# Pattern methods: pos/endpos, findall, finditer, split, sub, subn,
# scanner, expand, and the Pattern object's own attributes.
import re

p = re.compile(r'(\w)(\d)?')
print(p.findall('a1b2c'), p.findall('a1b2c', 1), p.findall('a1b2c', 1, 3))
print(re.findall(r'\w+', 'ab cd ef'), re.findall(r'(\w)(\w)', 'abcde'), re.findall('', 'abc'))
print(re.findall(r'a*', 'baaac'), re.findall(r'\b', 'ab cd'), re.findall(r'(a)|b', 'ab'))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')])
print([m.group() for m in re.finditer(r'', 'abc')])
print([(m.span(), m.pos, m.endpos) for m in p.finditer('a1b2c3', 2, 5)])
pat = re.compile('o')
print(pat.search('dog', 1), pat.search('dog', 2), pat.match('dog', 1), pat.fullmatch('dog', 1, 2))
print(pat.search('dog', -5), pat.search('dog', 10), pat.search('dog', 1, -1), pat.search('dog', endpos=100))
print(re.compile('^o').search('dog', 1), re.compile('g$').search('dog', 0, 2), re.compile('o$').search('dog', 0, 2))
print(re.compile(r'(?<=d)o').search('dog', 1))

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)?', '...words, words...'), re.split(r'\b', 'a b'), re.split('x*', 'axbc'))
print(re.split('(a)|(b)', 'xaybz'), re.split('', 'abc'), re.split('a', ''), re.split('', ''))

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<a>\w)', r'<\g<a>\g<1>\g<0>>', 'ab'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('a', '', 'banana'))
print(re.sub('a', r'\n\t\\', 'xa'), repr(re.sub('a', '\\n', 'a')))
print(re.subn('a', 'b', 'aaa'), re.subn('a', 'b', 'aaa', 2), re.subn('a', 'b', 'aaa', count=1))
print(re.sub('(a)|b', lambda m: str(m.group(1)), 'ab'), re.sub('a', lambda m: '', 'aa'))
print(re.sub(r'(a)(b)?', r'[\2]', 'a'), re.sub('.', lambda m: m.group().upper() * 2, 'xyz'))
print(re.sub(r'\d', '#', 'a1b22', flags=re.A), re.sub('(?m)^', '> ', 'a\nb'))
for repl in (r'\3', r'\g<x>', r'\g<-1>', r'\g', '\\', r'\q', 1):
    try:
        print(re.sub('(a)', repl, 'a'))
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 1, 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    re.sub(b'a', lambda m: 'x', b'a')
except Exception as e:
    print(type(e).__name__, e)

m = re.match(r'(?P<first>\w+) (\w+)', 'Isaac Newton')
print(m.expand(r'\2, \1 (\g<first>)'), m.expand(b'x' if False else 'lit'))
try:
    m.expand(r'\5')
except Exception as e:
    print(type(e).__name__, e)

s = re.compile(r'\d').scanner('a1b22')
print(s.pattern.pattern, s.search().span(), s.search().span(), s.search().span(), s.search(), s.search())
s = re.compile(r'\d').scanner('12a3')
print(s.match().span(), s.match().span(), s.match(), s.match())

p = re.compile(r'(?P<x>a)(b)', re.I | re.M)
print(p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex), type(p.groupindex).__name__)
print(re.compile('a').groupindex, re.compile(b'a').flags, re.compile('a', re.A).flags)
try:
    p.groupindex['y'] = 1
except TypeError as e:
    print(e)
print(p == re.compile(r'(?P<x>a)(b)', re.I | re.M), p != re.compile('a'), p == 1, hash(p) == hash(re.compile(r'(?P<x>a)(b)', re.I | re.M)))
print(p.__copy__() is p, p.__deepcopy__(None) is p)
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p)
for f in (0, re.I, re.L, re.M, re.S, re.U, re.X, re.DEBUG * 0, re.A, re.I | re.S | re.X):
    try:
        print(repr(re.compile(b'x' if f & re.L else 'x', f)))
    except Exception as e:
        print(type(e).__name__, e)
print(repr(re.compile(b'x', re.I)), repr(re.compile('a' * 250)))
print(re.escape('a.b*c'), re.purge(), re.compile(re.compile('x')) is not None)
try:
    re.compile(re.compile('x'), re.I)
except ValueError as e:
    print(e)
sc = re.Scanner([(r'\d+', lambda s, t: ('NUM', int(t))), (r'[a-z]+', lambda s, t: ('ID', t)), (r'\s+', None)])
print(sc.scan('abc 12 de 7 !'))
p = re.compile(r'(?P<k>\w+)=(?P<v>\w+)')
print([m.groupdict() for m in p.finditer('a=1 b=2')], p.sub(r'\g<v>=\g<k>', 'a=1 b=2'))
