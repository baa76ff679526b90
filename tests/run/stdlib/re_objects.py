# The Pattern, Match and Scanner objects: types, docs, copying, pickling
# refusals, the _sre module's helpers and argument checks of compile().
import re, copy
p = re.compile('(a)(?P<n>b)')
print(type(p).__name__, type(p).__module__, type(p).__qualname__, isinstance(p, re.Pattern))
m = p.match('ab')
print(type(m).__name__, type(m).__module__, copy.copy(m) is m, copy.deepcopy(m) is m)
import copyreg
print(copyreg.dispatch_table[re.Pattern](p)[1])
try:
    m.__reduce_ex__(2)
except Exception as e:
    print(type(e).__name__, e)
print(re.compile('a') == re.compile('a'), hash(re.compile(b'a')) == hash(re.compile(b'a')), {re.compile('x'): 1})
print(re.compile('a').__class__.__doc__)
print(sorted(x for x in dir(p) if not x.startswith('__')))
print(sorted(x for x in dir(m) if not x.startswith('__')))
print(type(p.scanner('a')).__name__, sorted(x for x in dir(p.scanner('a')) if not x.startswith('__')))
import _sre
print(_sre.getcodesize(), _sre.ascii_iscased(ord('a')), _sre.unicode_iscased(0x130), _sre.ascii_tolower(65), _sre.unicode_tolower(0x130), _sre.unicode_tolower(0x10FFFF))
try:
    _sre.compile('a', 0, [1, 2**40], 0, {}, ())
except Exception as e:
    print(type(e).__name__, e)
try:
    _sre.compile('a', 0, [16], 0, {}, ())
except Exception as e:
    print(type(e).__name__, e)
try:
    _sre.compile('a', 0, [-1, 1], 0, {}, ())
except Exception as e:
    print(type(e).__name__, e)
print(re.compile('a', re.DEBUG).pattern)
print(m.__class_getitem__(int))
