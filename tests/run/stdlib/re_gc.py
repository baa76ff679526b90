# Cycles through Match objects are collected; scanners report only their pattern.
import re, gc, weakref
class S(str):
    pass
s = S('abc')
m = re.match('a', s)
s.m = m
r = weakref.ref(s)
del s, m
gc.collect()
print(r() is None)
class T(str):
    pass
t = T('ab')
t.it = re.finditer('a', t)
r = weakref.ref(t)
del t
gc.collect()
print(r() is None)
print(len(gc.get_referents(re.match('(a)', 'a'))) >= 2, gc.is_tracked(re.compile('q')))
