# Large alternations and big character sets (BIGCHARSET).
import re
words = ['w%dx' % i for i in range(500)]
p = re.compile('|'.join(words))
s = ' '.join(words[::-1]) * 2
print(len(p.findall(s)), p.search('zz w499x').span())
big = re.compile('[%s]' % ''.join(chr(c) for c in range(0x4e00, 0x4e00 + 3000, 7)))
print(big.findall('\u4e00\u4e01\u4e07x'), re.findall('(?i)[\u0400-\u04ff]+', 'Привет мир'))
