# The built-in hash modules: digests, copies, attributes and argument errors.
import _sha256, _sha512, _sha1, _md5, _sha3, _blake2
def t(f,*a,**k):
  try: print(repr(f(*a,**k)))
  except Exception as e: print(type(e).__name__, e)
for mod, names in [(_sha256, ['sha224','sha256']), (_sha512, ['sha384','sha512']), (_sha1, ['sha1']), (_md5, ['md5']), (_sha3, ['sha3_224','sha3_256','sha3_384','sha3_512','shake_128','shake_256']), (_blake2, ['blake2b','blake2s'])]:
  print(mod.__name__, sorted(x for x in dir(mod) if not x.startswith('__')))
  for n in names:
    c = getattr(mod, n); h = c(b'abc')
    print(n, c, type(h), h.name, h.digest_size, h.block_size, repr(h)[:20], type(c))
    t(c, 'abc'); t(c, 1); t(lambda: c(string=b'x').name); t(c, b'a', b'b'); t(lambda: c(b'a', usedforsecurity=False).name); t(c, data=b'a')
    t(h.update, 'x'); t(h.update, 1); t(h.update); t(h.update, b'a', b'b'); t(h.copy, 1)
    if n.startswith('shake'):
      t(h.digest); t(h.hexdigest, 5); t(h.digest, -1); t(h.digest, length=3); t(h.digest, 2**70); t(h.digest, 2**29); t(h.hexdigest, 0); t(h.digest, 'x'); t(h.digest, 40)
    else:
      t(h.digest, 1); print(h.hexdigest(), h.digest())
    t(setattr, h, 'name', 'x')
    h2 = h.copy(); h2.update(b'more'); h.update(bytearray(b'x')); h.update(memoryview(b'yz'))
    print(h2.hexdigest(40) if n.startswith('shake') else h2.hexdigest(), h.hexdigest(40) if n.startswith('shake') else h.hexdigest())
    if n.startswith('sha3_') or n.startswith('shake'): print(h._capacity_bits, h._rate_bits, h._suffix)
b=_blake2.blake2b
t(b, digest_size=0); t(b, digest_size=65); t(b, key=b'x'*65); t(b, salt=b'x'*17); t(b, person=b'x'*17); t(b, fanout=-1); t(b, fanout=256); t(b, depth=0); t(b, depth=256); t(b, leaf_size=-1); t(b, leaf_size=2**32); t(b, node_offset=-1); t(b, node_depth=256); t(b, inner_size=65); t(b, key='x'); t(b, digest_size='x')
t(lambda: b(b'abc', key=b'k', salt=b's', person=b'p', digest_size=20).hexdigest())
t(lambda: _blake2.blake2s(b'abc', key=b'k'*32, salt=b's'*8, person=b'p'*8, digest_size=32).hexdigest())
t(lambda: _blake2.blake2s(b'abc'*100, key=b'k'*32, digest_size=7).hexdigest())
t(lambda: b(b'x'*128, key=b'k').hexdigest()); t(lambda: b(b'x'*129).hexdigest()); t(lambda: b(b'').hexdigest())
t(_blake2.blake2s, salt=b'x'*9); t(_blake2.blake2s, digest_size=33); t(_blake2.blake2s, node_offset=2**48)
print(b.SALT_SIZE, b.PERSON_SIZE, b.MAX_KEY_SIZE, b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE)
print(_sha512.SHA384Type, _sha256.SHA224Type, _sha256.SHA256Type, _sha1.SHA1Type, _md5.MD5Type)
t(_sha512.SHA384Type); t(lambda: _sha256.sha256(usedforsecurity=False, string=b'a').hexdigest()); t(_sha256.sha256, None)
t(_sha3.sha3_224, None); print(_sha3.implementation, _sha3.keccakopt)
big = bytes(range(256)) * 40
for f in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512, _sha3.sha3_256, _blake2.blake2b, _blake2.blake2s]:
    print(f(big).hexdigest())
import copy
t(copy.copy, _sha256.sha256()); t(copy.copy, _sha3.sha3_256())
import _random, struct
for ty in [_random.Random, struct.Struct, _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512,
           _sha3.shake_128, _sha3.shake_256, _blake2.blake2b, _blake2.blake2s, _sha256.SHA256Type]:
    print(repr(ty.__doc__))
