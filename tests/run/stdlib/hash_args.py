# BLAKE2 parameter conversions and hash constructor argument errors.
import _blake2, _sha256, _sha3, _md5
def t(f,*a,**k):
  try: print(repr(f(*a,**k))[:50])
  except Exception as e: print(type(e).__name__, e)
b = _blake2.blake2b
for kw in ['digest_size', 'fanout', 'depth', 'leaf_size', 'node_offset', 'node_depth', 'inner_size']:
    for v in [None, 1.5, '1', 2**40, -2**40, True]:
        t(lambda: b(b'x', **{kw: v}).hexdigest())
for kw in ['key', 'salt', 'person']:
    for v in [None, 'x', 1, bytearray(b'k'), memoryview(b'k')]:
        t(lambda: b(b'x', **{kw: v}).hexdigest())
t(lambda: b(b'x', last_node=[]).hexdigest()); t(lambda: b(b'x', last_node=[1]).hexdigest()); t(lambda: b(b'x', usedforsecurity=0).hexdigest())
t(b, b'x', b'y'); t(b, b'x', digest_size=1, foo=2); t(_sha256.sha256, b'x', foo=1); t(_sha3.sha3_256, b'x', b'y')
t(lambda: _md5.md5(bytearray(b'abc')).hexdigest()); t(lambda: _md5.md5(memoryview(b'abc')[::2]).hexdigest())
