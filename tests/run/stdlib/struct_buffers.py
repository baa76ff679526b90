# Buffers of struct, binascii and the hashes: strided and released memoryviews, slices.
import struct, binascii, _sha1
def t(f,*a,**k):
  try: print(repr(f(*a,**k))[:50])
  except Exception as e: print(type(e).__name__, e)
m = memoryview(b'abcdefgh')[::2]
t(struct.unpack, '4s', m); t(struct.unpack_from, 'b', m); t(struct.iter_unpack, 'b', m); t(binascii.hexlify, m); t(binascii.crc32, m); t(binascii.b2a_base64, m)
t(binascii.a2b_base64, m); t(binascii.unhexlify, m); t(_sha1.sha1, m); t(lambda: _sha1.sha1().update(m))
r = memoryview(b'abcd'); r.release()
t(struct.unpack, '4s', r); t(binascii.hexlify, r); t(_sha1.sha1, r); t(binascii.a2b_hex, r)
t(struct.unpack, '2s', memoryview(b'abcd')[1:3]); t(binascii.hexlify, memoryview(b'abcd')[1:3])
