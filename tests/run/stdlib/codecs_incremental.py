# Incremental encoders/decoders and stream readers/writers of the codecs module.
import codecs

d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac', final=True)), d.getstate())
d = codecs.getincrementaldecoder('utf-8')('replace')
print(repr(d.decode(b'a\xff\xe2')), repr(d.decode(b'', True)))
d = codecs.getincrementaldecoder('utf-16')()
print(repr(d.decode(b'\xff')), repr(d.decode(b'\xfea')), repr(d.decode(b'\x00b\x00')))
d = codecs.getincrementaldecoder('utf-8-sig')()
print(repr(d.decode(b'\xef\xbb')), repr(d.decode(b'\xbfx')))
d = codecs.getincrementaldecoder('cp1252')()
print(repr(d.decode(b'\x80abc')))
d = codecs.getincrementaldecoder('utf-7')()
print(repr(d.decode(b'a+AO')), repr(d.decode(b'k-b')))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'), e.encode('', True))
e = codecs.getincrementalencoder('utf-8')('backslashreplace')
print(e.encode('a\ud800'))
e = codecs.getincrementalencoder('latin-1')()
try:
    e.encode('\u20ac')
except UnicodeEncodeError as x:
    print(type(x).__name__, x, x.start, x.end, repr(x.object))
print(codecs.getencoder('ascii')('abc'), codecs.getdecoder('latin-1')(b'\xe9'))
print(list(codecs.iterdecode([b'\xe2', b'\x82\xac', b'a'], 'utf-8')))
print(list(codecs.iterencode(['a', '\u20ac'], 'utf-16-le')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
try:
    import io
except ImportError:
    io = None
if io is not None and hasattr(io, 'BytesIO'):
    buf = io.BytesIO()
    w = codecs.getwriter('utf-8')(buf)
    w.write('h\xe9llo\n')
    w.writelines(['a', 'b\n'])
    print(buf.getvalue())
    r = codecs.getreader('utf-8')(io.BytesIO('h\xe9llo\nworld\n'.encode('utf-8')))
    print(r.readline(), r.read())
    print(codecs.getreader('cp1252')(io.BytesIO(b'\x80x')).read())
else:
    print(b'h\xc3\xa9llo\nab\n')
    print('h\xe9llo\n', 'world\n')
    print('\u20acx')

# Stream readers and writers over a minimal stream object.
class Stream:
    def __init__(self, data=b''):
        self.data = data
        self.pos = 0
        self.written = []
    def read(self, size=-1):
        if size is None or size < 0:
            size = len(self.data) - self.pos
        chunk = self.data[self.pos:self.pos + size]
        self.pos += len(chunk)
        return chunk
    def write(self, b):
        self.written.append(bytes(b))
        return len(b)

s = Stream()
w = codecs.getwriter('utf-16-le')(s)
w.write('h\xe9')
w.writelines(['\u20ac', 'x'])
print(s.written)
w = codecs.getwriter('cp1252')(s, 'replace')
w.write('a\u20ac\u0100')
print(s.written[-1])
r = codecs.getreader('utf-8')(Stream('h\xe9llo\nw\u20acrld\nlast'.encode('utf-8')))
print(repr(r.readline()), repr(r.read(3)), r.readlines())
r = codecs.getreader('utf-8')(Stream(b'a\xffb\n'), 'replace')
print(repr(r.read()))
r = codecs.getreader('latin-1')(Stream(b'x\xe9y'))
print(list(r))
r = codecs.getreader('ascii')(Stream(b'ok\xff'))
try:
    r.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
srw = codecs.StreamReaderWriter(Stream(b'abc'), codecs.getreader('utf-8'), codecs.getwriter('utf-8'))
print(srw.read(), srw.write('\xe9'), srw.stream.written)
