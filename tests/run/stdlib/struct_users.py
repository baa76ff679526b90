# Pure Python users of struct, binascii, hashlib and random: pickle, uuid, secrets.
import pickle, secrets, uuid, base64, hashlib, random, struct, io
data = {'a': [1, 2.5, -3, 2**70, 'str', b'bytes', (None, True)], 'nested': {'x': 1e300}}
for proto in range(3, 6):
    s = pickle.dumps(data, protocol=proto)
    print(proto, len(s), hashlib.sha1(s).hexdigest()[:12], pickle.loads(s) == data)
print(len(secrets.token_hex(8)), len(secrets.token_urlsafe(8)))
u = uuid.UUID('12345678123456781234567812345678'); print(u, u.bytes, u.int, uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid3(uuid.NAMESPACE_URL, 'x'))
r = random.Random(5); print(r.choices(range(10), k=3), r.sample(range(50), 4))
