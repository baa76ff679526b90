# Subjects: str of every width, bytes, bytearray, memoryview; case
# folding under IGNORECASE (ascii, unicode, special pairs), str/bytes mixing.
import re

for s in ('abc', 'ab\xe9', 'a\u0101b', 'a\U0001F600b', '\u0130\u0131iI'):
    print(ascii(s), [m.span() for m in re.finditer(r'\w', s)], re.findall('(?i)i', s), re.findall('(?ia)i', s))
print(re.findall(r'(?i)[a-z]+', 'ABCxyzÉ'), re.findall(r'(?i)é', 'É'), re.findall(r'(?ia)é', 'É'))
print(re.findall(r'(?i)\u017f', 'sS\u017f'), re.findall('(?i)s', 'sS\u017f'), re.findall('(?i)[s]', '\u017f'))
print(re.findall(r'(?i)k', 'kK\u212a'), re.findall(r'(?i)[j-l]', '\u212a'), re.findall('(?i)\u03c3', '\u03a3\u03c3\u03c2'))
print(re.findall(r'(?i)(a)\1', 'aA Aa'), re.findall(r'(?i)[^a]', 'aAb'))
print(re.match(r'\d+', '\u0661\u0662'), re.match(r'(?a)\d+', '\u0661'), re.match(r'\s+', '\u2003 '))
print(re.findall(r'\w+', 'caf\xe9 na\xefve \u4e2d\u6587'), re.findall(r'(?a)\w+', 'caf\xe9'))
print(re.findall(r'[\w-]+', 'a-b c_d'), re.findall(r'[^\W\d]+', 'ab12cd'), re.findall(r'[\s\d]', 'a 1\tb'))

b = b'Hello World 123'
print(re.findall(rb'\w+', b), re.sub(rb'o', b'0', b), re.split(rb'\s', b))
print(re.match(rb'(?i)hello', b), re.search(rb'\d+', bytearray(b)), re.search(rb'\d+', memoryview(b)))
print(re.findall(rb'[\x80-\xff]', b'a\xe9\xff'), re.findall(rb'(?i)\xe9', b'\xc9'), re.findall(rb'\w', b'\xe9a'))
print(re.findall(rb'(?L)\w', b'\xe9a'), re.sub(b'a', bytearray(b'b'), b'aa'), re.sub(b'a', memoryview(b'c'), b'a'))
m = re.search(rb'(l+)', bytearray(b'hello'))
print(m, type(m.group()), type(m.string), m.group(1))
print(re.sub(b'l', b'L', bytearray(b'hello')), re.split(b'l', bytearray(b'hello')))

for pat, s in (('a', b'a'), (b'a', 'a'), ('a', bytearray(b'a')), (b'a', memoryview(b'a'))):
    for fn in ('match', 'search', 'findall', 'split', 'sub'):
        try:
            if fn == 'sub':
                r = re.sub(pat, pat, s)
            else:
                r = getattr(re, fn)(pat, s)
            print(fn, 'ok', r)
        except TypeError as e:
            print(fn, type(e).__name__, e)
for s in (1, None, 2.5, ['a']):
    try:
        re.search('a', s)
    except TypeError as e:
        print(type(e).__name__, e)
class S(str):
    pass
m = re.match('(a)b', S('abc'))
print(type(m.string).__name__, type(m.group()).__name__, type(m.group(1)).__name__, re.sub('z', 'y', S('abc')), type(re.sub('z', 'y', S('abc'))).__name__)
print(re.findall('.', 'a\u0101\U00010000'), re.sub('(.)', r'\1\1', '\u0101\U00010000'))
print(re.search('\U00010000', 'ab\U00010000c').span(), re.search('[\U00010000-\U00010010]', 'x\U00010005').span())
big = '\u4e00' * 10 + 'x'
print(re.search('x', big).span(), re.search(r'(?i)X', big).span())
