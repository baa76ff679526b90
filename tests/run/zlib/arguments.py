# Argument checking of zlib's functions and methods (CPython's messages).
import zlib
d = zlib.decompressobj(); c = zlib.compressobj()
for f in [lambda: d.decompress(), lambda: d.decompress(b"", 1, 2), lambda: d.decompress(b"", max_length=3), lambda: d.decompress(data=b""),
          lambda: d.flush(1, 2), lambda: d.flush(length=2), lambda: d.copy(1), lambda: d.__deepcopy__(), lambda: c.compress(), lambda: c.compress(b"", b""),
          lambda: c.flush(1, 2), lambda: c.flush(mode=2), lambda: c.copy(1), lambda: c.__copy__(1), lambda: zlib.decompressobj(1, 2, 3), lambda: zlib.compressobj(foo=1),
          lambda: zlib.decompress(b"", 15, 1, 1), lambda: zlib.decompressobj(wbits="x"), lambda: d.decompress(b"", "x"), lambda: c.flush("x"), lambda: d.flush(2**70), lambda: zlib.decompress(b"", 15, 2**70), lambda: type(c.copy(x=1)).__name__, lambda: c.__deepcopy__(memo=1), lambda: c.__deepcopy__(1, 2), lambda: c.compress(data=b'')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
