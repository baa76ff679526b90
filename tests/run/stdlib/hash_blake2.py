# BLAKE2b/BLAKE2s with keys, salts, persons and the tree-hashing parameters.
import _blake2
def t(f,*a,**k):
  try: print(repr(f(*a,**k)))
  except Exception as e: print(type(e).__name__, e)
for c in [_blake2.blake2b, _blake2.blake2s]:
  for data in [b'', b'abc', b'x'*63, b'x'*64, b'x'*65, b'y'*127, b'y'*128, b'y'*129, bytes(range(256))*5]:
    print(c(data).hexdigest(), c(data, key=b'key').hexdigest(), c(data, digest_size=5, salt=b'salt', person=b'me').hexdigest())
  print(c(b'abc', fanout=2, depth=3, leaf_size=4, node_offset=5, node_depth=6, inner_size=7, last_node=True).hexdigest())
  print(c(b'abc', fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**48-1, node_depth=255, inner_size=c.MAX_DIGEST_SIZE).hexdigest())
  print(c(b'abc', last_node=True).hexdigest(), c(b'abc', last_node=0).hexdigest(), c(key=b'k'*c.MAX_KEY_SIZE).hexdigest())
  h = c(key=b'secret'); 
  for i in range(10): h.update(b'z'*(i*17))
  print(h.hexdigest(), h.copy().hexdigest())
t(lambda: _blake2.blake2b(b'abc', node_offset=2**64-1).hexdigest())
