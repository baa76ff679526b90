# codecs.lookup, CodecInfo fields, register/unregister, codecs.encode/decode
# with any codec, and the errors of the registry.
import codecs

ci = codecs.lookup('UTF-8')
print(ci.name, type(ci).__name__, isinstance(ci, tuple), len(ci))
print(ci.encode is codecs.utf_8_encode, ci.decode.__name__)
print(ci.incrementalencoder.__name__, ci.incrementaldecoder.__name__)
print(ci.streamreader.__name__, ci.streamwriter.__name__)
print(ci._is_text_encoding)
for name in ['latin1', 'L1', 'iso-8859-1', 'US-ASCII', 'utf_16_le', 'U32', 'cp1252',
             'KOI8-R', 'mac-roman', 'utf-7', 'unicode_escape', 'rot13']:
    try:
        print(name, '->', codecs.lookup(name).name)
    except LookupError as e:
        print(name, '->', type(e).__name__, e)
print(codecs.lookup('utf8') is codecs.lookup('UTF-8'))

for name in ['nope', '  spaced  name ', '']:
    try:
        codecs.lookup(name)
    except LookupError as e:
        print(type(e).__name__, e)

seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        def enc(s, errors='strict'):
            return (s.upper().encode('ascii'), len(s))
        def dec(b, errors='strict'):
            return (bytes(b).decode('ascii').lower(), len(b))
        return codecs.CodecInfo(enc, dec, name='my-codec')
    if name == 'bad_tuple':
        return (1, 2, 3)
    if name == 'not_tuple':
        return 42
    if name == 'bytes_result':
        return codecs.CodecInfo(lambda s, e='strict': (s, len(s)), lambda b, e='strict': (b, len(b)), name='bytes_result')
    if name == 'bad_result':
        return codecs.CodecInfo(lambda *a: 5, lambda *a: (1, 2, 3), name='bad_result')
    return None

codecs.register(search)
print(codecs.lookup('My Codec').name, seen)
print('hello'.encode('my-codec'), b'HELLO'.decode('my_codec'))
print(codecs.encode('abc', 'my-codec'), codecs.decode(b'ABC', 'my-codec'))
print(codecs.lookup('my-codec') is codecs.lookup('MY_CODEC'))
for name in ['bad_tuple', 'not_tuple']:
    try:
        codecs.lookup(name)
    except TypeError as e:
        print(type(e).__name__, e)
for f in [lambda: 'x'.encode('bytes_result'), lambda: b'x'.decode('bytes_result'),
          lambda: codecs.encode('x', 'bad_result'), lambda: codecs.decode(b'x', 'bad_result'),
          lambda: 'x'.encode('rot13'), lambda: b'x'.decode('rot13'), lambda: 'x'.encode('nope'),
          lambda: b'x'.decode('nope')]:
    try:
        print(f())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
print(codecs.encode('x', 'bytes_result'), codecs.decode(b'x', 'bytes_result'))
print(repr(b''.decode('nope')))

codecs.unregister(search)
try:
    codecs.lookup('never_seen_codec')
except LookupError as e:
    print(type(e).__name__, e)

print(codecs.encode('Hello', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
print(codecs.encode('abc'), codecs.decode(b'abc'), codecs.encode(obj='x', encoding='latin-1'))

# Exceptions raised by a codec are rewrapped naming the codec.
for f in [lambda: codecs.encode(1, 'rot13'), lambda: codecs.decode(1, 'utf-8'),
          lambda: codecs.encode(b'x', 'utf-8')]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e, '| cause:', repr(e.__cause__))
class MyError(Exception):
    pass
class Custom(Exception):
    def __init__(self, a):
        super().__init__(a)
def boom_search(name):
    def raise_it(exc):
        def f(*a):
            raise exc
        return f
    if name == 'boom':
        return codecs.CodecInfo(raise_it(MyError('bad')), raise_it(KeyError('k')), name='boom')
    if name == 'boom2':
        return codecs.CodecInfo(raise_it(ValueError('a', 2)), raise_it(Custom('c')), name='boom2')
codecs.register(boom_search)
for f in [lambda: codecs.encode('x', 'boom'), lambda: codecs.decode(b'x', 'boom'),
          lambda: codecs.encode('x', 'boom2'), lambda: codecs.decode(b'x', 'boom2'),
          lambda: 'x'.encode('boom')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, '| cause:', repr(e.__cause__))

for f in [lambda: codecs.lookup(1), lambda: codecs.register(1), lambda: codecs.encode(),
          lambda: codecs.encode('a', 1), lambda: codecs.encode('a', 'utf-8', 'strict', 1),
          lambda: codecs.lookup_error(1), lambda: codecs.register_error('x', 1)]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# A codec whose functions take no errors argument works with str.encode/bytes.decode defaults.
def one_arg_search(name):
    if name == 'one_arg':
        return codecs.CodecInfo(lambda s: (s.encode('ascii')[::-1], len(s)),
                                lambda b: (bytes(b).decode('ascii')[::-1], len(b)), name='one-arg')
codecs.register(one_arg_search)
print('abc'.encode('one_arg'), b'abc'.decode('one-arg'))
try:
    'abc'.encode('one_arg', 'ignore')
except TypeError as e:
    print(type(e).__name__, e)
