# Error handlers: the builtin ones as functions, registered ones called by the
# native codecs with UnicodeEncodeError/UnicodeDecodeError, and their results.
import codecs

print(codecs.strict_errors is codecs.lookup_error('strict'), codecs.strict_errors)
ee = UnicodeEncodeError('ascii', 'a\xe9\ud800b', 1, 3, 'bad')
de = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'bad')
te = UnicodeTranslateError('a\xe9\ud800b', 1, 3, 'bad')
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'namereplace', 'surrogateescape', 'surrogatepass']:
    f = codecs.lookup_error(name)
    for e in [ee, de, te, ValueError('x'), 1]:
        try:
            print(name, type(e).__name__, f(e))
        except Exception as x:
            print(name, type(e).__name__, '->', type(x).__name__, x)
print(codecs.lookup_error('surrogateescape')(UnicodeEncodeError('ascii', 'a\udcff\udc80', 1, 3, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-16-le', 'a\ud800', 1, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-8', b'a\xed\xa0\x80', 1, 2, 'x')))
try:
    codecs.lookup_error('nonexistent')
except LookupError as e:
    print(type(e).__name__, e)
try:
    codecs.strict_errors()
except TypeError as e:
    print(type(e).__name__, e)

calls = []
def handler(exc):
    calls.append((type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeDecodeError):
        return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
    return ('<%s>' % ascii(exc.object[exc.start:exc.end]).strip("'"), exc.end)
codecs.register_error('test.mine', handler)
codecs.register_error('test.raw', lambda exc: ('<%s>' % exc.object[exc.start:exc.end], exc.end))
try:
    'a\xe9\u20acb'.encode('ascii', 'test.raw')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    'a\xe9\u20acb'.encode('latin-1', 'test.raw')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(codecs.lookup_error('test.mine') is handler)
print('a\xe9\u20acb'.encode('ascii', 'test.mine'))
print('a\xe9\u20acb'.encode('latin-1', 'test.mine'))
print('a\ud800b'.encode('utf-8', 'test.mine'))
print(b'a\xff\xfeb\xe2\x82'.decode('utf-8', 'test.mine'))
print(b'a\x81\x80'.decode('cp1252', 'test.mine'))
print('a\u0100\u20ac'.encode('cp1252', 'test.mine'))
print(b'\xff'.decode('ascii', 'test.mine'))
print(codecs.utf_8_decode(b'x\xffy', 'test.mine', True))
for c in calls:
    print(c)

# Bytes replacements, positions, negative positions.
codecs.register_error('test.bytes', lambda e: (b'\xaa\xbb', e.end))
print('a\u20acb'.encode('latin-1', 'test.bytes'))
codecs.register_error('test.skip', lambda e: ('', e.end + 1))
print('a\u20acbc'.encode('ascii', 'test.skip'), b'a\xffbc'.decode('ascii', 'test.skip'))
codecs.register_error('test.back', lambda e: ('', -1))
print('a\u20acbc'.encode('ascii', 'test.back'))
# Bad results.
for name, result in [('test.badtype', 1), ('test.badtuple', ('x',)), ('test.badpos', ('x', 100)),
                     ('test.badrep', (1, 0)), ('test.badint', ('x', 'y')), ('test.nonascii', ('\u20ac', 2))]:
    codecs.register_error(name, lambda e, r=result: r)
    for f in [lambda: 'a\xe9'.encode('ascii', name), lambda: b'a\xff'.decode('utf-8', name)]:
        try:
            print(name, f())
        except Exception as e:
            print(name, type(e).__name__, e)
def raising(exc):
    raise RuntimeError('handler failed at %d' % exc.start)
codecs.register_error('test.raise', raising)
try:
    'a\xe9'.encode('ascii', 'test.raise')
except RuntimeError as e:
    print(type(e).__name__, e)

# Unknown handler names are looked up only when there is an error.
print('abc'.encode('ascii', 'nope'), b'abc'.decode('ascii', 'nope'))
for f in [lambda: '\xe9'.encode('ascii', 'nope'), lambda: b'\xff'.decode('ascii', 'nope'),
          lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'), lambda: b'\xff'.decode('utf-8', 'namereplace'),
          lambda: str(b'\xff', 'utf-8', 'nope')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(str(b'a\xff', 'utf-8', 'test.mine'), bytearray(b'a\xff').decode('utf-8', 'test.mine'))

# Replacements the codec cannot take: non-ASCII str for UTF codecs, bytes that
# are not whole code units.
codecs.register_error('test.sur', lambda e: ('\udcff', e.end))
codecs.register_error('test.xyz', lambda e: (b'XYZ', e.end))
for f in [lambda: 'a\xe9'.encode('utf-8', 'test.sur'), lambda: '\ud800'.encode('utf-16-le', 'test.sur'),
          lambda: '\ud800'.encode('utf-16', 'test.sur'), lambda: '\ud800'.encode('utf-16-le', 'test.xyz'),
          lambda: '\ud800'.encode('utf-32', 'test.xyz'), lambda: '\ud800'.encode('utf-8', 'test.xyz'),
          lambda: 'x\ud800'.encode('utf-16-be', 'test.mine')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print('x'.encode('utf-16', 'nope'), b'\xff\xfea\x00'.decode('utf-16', 'nope'))
print('\ud800'.encode('utf-16-le', 'surrogatepass'), ascii(b'\x00\xd8'.decode('utf-16-le', 'surrogatepass')))
print(codecs.decode(b'\xff\xfe\x00', 'utf-16', 'replace'))
