# The _codecs functions the encodings package calls: results, consumed
# counts, final flags, byte orders, and errors.
import codecs, _codecs

print(codecs.utf_8_decode(b'a\xe2\x82'), codecs.utf_8_decode(b'a\xe2\x82\xac', None, True))
print(codecs.utf_8_encode('a\u20ac'), codecs.utf_8_encode('a\ud800', 'surrogatepass'))
print(codecs.utf_16_encode('ab'), codecs.utf_16_encode('ab', None, -1), codecs.utf_16_encode('ab', 'strict', 1))
print(codecs.utf_16_le_encode('a\U0001f600'), codecs.utf_16_be_encode('a'))
print(codecs.utf_16_decode(b'\xff\xfea\x00b'), codecs.utf_16_decode(b'\xfe\xff\x00a', 'strict', True))
print(codecs.utf_16_le_decode(b'a\x00\x3d\xd8'), codecs.utf_16_be_decode(b'\x00a'))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00'), codecs.utf_16_ex_decode(b'\xfe\xff\x00a'))
print(codecs.utf_16_ex_decode(b'a\x00', None, -1), codecs.utf_16_ex_decode(b'\x00a', None, 1), codecs.utf_16_ex_decode(b'a\x00'))
print(codecs.utf_32_encode('a'), codecs.utf_32_le_encode('a'), codecs.utf_32_be_encode('a'))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'), codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'))
print(codecs.latin_1_encode('a\xe9'), codecs.latin_1_decode(b'a\xe9'), codecs.ascii_encode('abc'), codecs.ascii_decode(b'abc'))
print(codecs.unicode_escape_encode('a\n\xe9\u20ac'), codecs.unicode_escape_decode(b'a\\n\\xe9\\u20ac'))
print(codecs.unicode_escape_decode('\xe9\\n'), codecs.raw_unicode_escape_decode('\\u20ac\\n'))
print(codecs.raw_unicode_escape_encode('a\n\xe9\u20ac'), codecs.raw_unicode_escape_decode(b'\\u20ac'))
print(codecs.escape_encode(b"a\x00\\'\n\xff"), codecs.escape_decode(b'a\\n\\x41\\101\\\n'))
print(codecs.escape_decode('\xe9\\n'), codecs.escape_decode(b'\\x4', 'replace'), codecs.escape_decode(b'\\x4', 'ignore'))
print(codecs.readbuffer_encode('a\xe9'), codecs.readbuffer_encode(b'ab'), codecs.readbuffer_encode(bytearray(b'xy')))
print(codecs.utf_7_encode('a+b~\\!\U0001f600\xe9-1'), codecs.utf_7_decode(b'a+-b+AH4AXA-!+2D3eAADp-'))
print(codecs.utf_7_decode(b'a+AOk'), codecs.utf_7_decode(b'a+AOk', None, True), codecs.utf_7_decode(b'+AOkA6Q-x'))
print('Hi Mom -\u263a-!'.encode('utf-7'), b'Hi Mom -+Jjo--!'.decode('utf-7'), b'\xe9'.decode('utf-7', 'replace'))
print(b'a+\xff'.decode('utf-7', 'replace'), b'+AOk\xff'.decode('utf-7', 'replace'), b'+2D3-'.decode('utf-7', 'replace'))
print(codecs.utf_8_decode(memoryview(b'ab')), codecs.utf_8_decode(bytearray(b'\xc3\xa9')))

# charmap
table = codecs.charmap_build('abc')
print(type(table).__name__, table)
import encodings.cp1252
emap = encodings.cp1252.encoding_table
print(type(emap).__name__, emap.size())
print(codecs.charmap_encode('a\u20ac', 'strict', emap), codecs.charmap_decode(b'a\x80', 'strict', encodings.cp1252.decoding_table))
print(codecs.charmap_decode(b'\x00\x01\x02', 'strict', {0: 'ab', 1: 0x41, 2: 'z'}))
print(codecs.charmap_decode(b'\x00\x01', 'replace', {0: None}), codecs.charmap_decode(b'ab'), codecs.charmap_encode('ab'))
print(codecs.charmap_encode('abc', 'strict', {97: b'xy', 98: 66, 99: 67}))
print(codecs.charmap_encode('abz', 'replace', {97: 1, 98: 2, 63: 3}), codecs.charmap_encode('a\u20acz', 'xmlcharrefreplace', emap))
for f in [lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 1.5}),
          lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 0x110000}),
          lambda: codecs.charmap_decode(b'\x05', 'strict', {}),
          lambda: codecs.charmap_decode(b'a\x81', 'strict', encodings.cp1252.decoding_table),
          lambda: codecs.charmap_encode('a', 'strict', {97: 300}),
          lambda: codecs.charmap_encode('a', 'strict', {97: 's'}),
          lambda: codecs.charmap_encode('ab\u0100', 'strict', emap),
          lambda: codecs.charmap_build(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for f, a in [(codecs.utf_8_decode, (1,)), (codecs.utf_8_encode, (1,)), (codecs.utf_8_decode, (b'', 1)),
             (codecs.utf_8_decode, (b'', None, 1.5)), (codecs.utf_8_decode, ()), (codecs.utf_8_encode, ('a', None, 1)),
             (codecs.utf_8_decode, (b'\xff', 'bogus')), (codecs.utf_8_decode, (b'\xe2',)),
             (codecs.utf_8_decode, (b'\xe2', None, True)), (codecs.utf_8_encode, ('\ud800',)),
             (codecs.escape_encode, (bytearray(b'x'),)), (codecs.escape_decode, (b'\\x4',)),
             (codecs.escape_decode, (b'a\\',)), (codecs.latin_1_decode, (b'a', None, True)),
             (codecs.ascii_encode, ('a\xe9',)), (codecs.latin_1_encode, ('\u20ac', 'xmlcharrefreplace')),
             (codecs.utf_16_ex_decode, (b'', None, 'x')), (codecs.utf_7_decode, (b'a+', None, True))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    codecs.utf_8_decode(b'x', errors='strict')
except TypeError as e:
    print(type(e).__name__, e)
m = codecs.charmap_build(bytes(range(256)).decode('latin-1'))
print(type(m), m.size())
try:
    type(m)()
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(x for x in dir(_codecs) if not x.startswith('__')))
print(codecs.utf_16_decode(b'\xff\xfea\x00\x00', 'strict', False), codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00', 'strict', False))
import codecs
for f in [lambda: codecs.lookup('a\ud800'), lambda: codecs.unicode_escape_decode('\udcff'), lambda: codecs.encode('x', 'a\udc80b')]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: codecs.decode(b'x', 'utf-8', None), lambda: codecs.encode('x', None), lambda: codecs.lookup(None),
          lambda: codecs.utf_8_encode(None), lambda: codecs.escape_encode(None), lambda: codecs.charmap_build(None),
          lambda: codecs.ignore_errors(None), lambda: codecs.strict_errors(None)]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
