# hashlib and hmac over the built-in hash modules.
import warnings
import hashlib
import hmac

print(hashlib.sha256(b"abc").hexdigest(), hashlib.md5(b"abc").hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'The quick brown fox')
    h.update(b' jumps over the lazy dog')
    d = h.hexdigest(16) if name.startswith('shake') else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, d)
print(hashlib.blake2b(b'a', digest_size=8).hexdigest(), hashlib.sha3_256(b'').hexdigest(), hashlib.shake_128(b'').hexdigest(4))
print(hashlib.blake2s(b'data', key=b'secret', person=b'me').hexdigest())
with warnings.catch_warnings():
    # Without OpenSSL, pbkdf2_hmac is the deprecated pure Python one.
    warnings.simplefilter('ignore', DeprecationWarning)
    print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10).hex())
    print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, 20).hex())
print(hmac.new(b'key', b'message', 'sha256').hexdigest())
print(hmac.new(b'key', b'message', hashlib.md5).hexdigest())
print(hmac.digest(b'key', b'msg', 'sha512').hex())
m = hmac.new(b'k' * 100, digestmod='sha1')
m.update(b'abc')
m2 = m.copy()
m2.update(b'def')
print(m.name, m.digest_size, m.block_size, m.hexdigest(), m2.hexdigest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('a', 'b'))
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError', e)
try:
    hashlib.sha256('text')
except TypeError as e:
    print('TypeError', e)
