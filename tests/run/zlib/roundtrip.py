# Round trips through every container form, window size and buffer size.
import zlib

data = b"".join(bytes([i % 251, (i * 7) % 256]) for i in range(30000)) + b"tail" * 1000

for wbits in (9, 10, 13, 15, -9, -12, -15, 25, 28, 31):
    c = zlib.compress(data, 6, wbits)
    ok = zlib.decompress(c, wbits) == data
    auto = zlib.decompress(c, 47) == data if wbits > 0 else None
    print(wbits, len(c), ok, auto)

c = zlib.compress(data)
for bufsize in (0, 1, 7, 100, 16384, 1 << 20):
    print("bufsize", bufsize, zlib.decompress(c, bufsize=bufsize) == data)
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(zlib.compress(b"x", 0)))
print(zlib.decompress(bytearray(zlib.compress(b"ba"))), zlib.decompress(memoryview(zlib.compress(b"mv"))))
print(zlib.compress(bytearray(b"abc")) == zlib.compress(b"abc"), zlib.compress(memoryview(b"abc")) == zlib.compress(b"abc"))
# A larger window in the decompressor than in the compressor is fine.
print(zlib.decompress(zlib.compress(data, 6, 9), 15) == data)
print(zlib.decompress(zlib.compress(data, 6, -9), -15) == data)

# Checksums.
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"hello", 1), zlib.crc32(b"hello", -1), zlib.crc32(data))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"hello", 0), zlib.adler32(b"hello", 2**32 + 3), zlib.adler32(data))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")) == zlib.crc32(b"hello world"))
print(zlib.adler32(b"world", zlib.adler32(b"hello ")) == zlib.adler32(b"hello world"))

for name in sorted(n for n in dir(zlib) if n.isupper() and "VERSION" not in n):
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION).__name__, zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.__version__)
print(zlib.error.__module__, zlib.error.__name__, zlib.error.__mro__[1].__name__)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
print(repr(type(zlib.compressobj())), repr(type(zlib.decompressobj())))
