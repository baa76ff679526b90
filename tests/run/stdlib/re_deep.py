# Long subjects and heavy backtracking must not exhaust the native stack.
import re

print(re.match('(a|b)*c', 'ab' * 100000).span() if re.match('(a|b)*c', 'ab' * 100000) else None)
print(re.match('(a|b)*c', 'ab' * 20000 + 'c').span())
print(re.match('(?:a|b)*?c', 'ab' * 10000 + 'c').span())
print(re.match('(ab)*', 'ab' * 20000).span(), re.match('(ab)*', 'ab' * 20000).group(1))
print(re.match(r'(\w+\s?)*$', 'word ' * 2000 + 'x').span())
print(len(re.findall('a', 'a' * 20000)), len(re.sub('a', 'bb', 'a' * 20000)))
print(re.match('(?:(a)|b)*', 'ab' * 10000).span(), re.search('(x+x+)+y', 'x' * 12))
print(re.fullmatch('(a*)*b', 'a' * 20 + 'b').span(), re.match(r'(.)*?z', 'y' * 10000 + 'z').span())
print(re.match('(?>(a|b)*)c', 'ab' * 10000 + 'c').span(), re.match('(?:ab)++c', 'ab' * 10000 + 'c').span())
