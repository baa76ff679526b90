# binascii: argument binding and flag conversions of every function.
import binascii as b
def t(f,*a,**k):
  try: print(repr(f(*a,**k)))
  except Exception as e: print(type(e).__name__, e)
t(b.crc32); t(b.crc32, b'', 1, 2); t(b.crc32, b'', crc=1); t(b.crc_hqx, b'', x=1); t(b.a2b_uu); t(b.a2b_uu, b'', b''); t(b.b2a_uu, b'', True)
t(b.b2a_uu, data=b''); t(b.a2b_base64); t(b.b2a_base64, b'', newline=0); t(b.a2b_hex); t(b.unhexlify, b'', b'')
t(b.hexlify, b'ab', sep=None); t(b.hexlify, b'ab', bytes_per_sep='x'); t(b.hexlify, b'ab', None, 1)
t(b.a2b_qp, b'', header=[]); t(b.b2a_qp, b'', quotetabs=None); t(b.b2a_qp, memoryview(b'a b'))
t(b.a2b_base64, bytearray(b'YQ==')); t(b.a2b_base64, memoryview(b'YQ==')); t(b.crc32, memoryview(b'abc')); t(b.crc32, bytearray(b'abc'), 2**100 + 5)
t(b.crc_hqx, b'abc', -2**100)
for f, k in [(b.b2a_base64, {'newline': None}), (b.b2a_base64, {'newline': 1.5}), (b.a2b_base64, {'strict_mode': 'x'}),
             (b.b2a_uu, {'backtick': []}), (b.b2a_uu, {'backtick': 2**40}), (b.a2b_qp, {'header': 2**40}),
             (b.a2b_base64, {}), (b.a2b_qp, {'header': True}), (b.b2a_qp, {'istext': 0, 'quotetabs': 5}), (b.b2a_base64, {'newline': 2})]:
    t(f, b'YQ==', **k)
t(b.a2b_base64, strict_mode=True); t(b.b2a_base64, newline=True)
