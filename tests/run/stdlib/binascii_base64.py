# base64 over binascii and struct.
import base64


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xfb\xff\xfe']:
    e = base64.b64encode(data)
    print(e[:40], base64.b64decode(e) == data, base64.urlsafe_b64encode(data)[:40], base64.standard_b64encode(data)[:20])
    print(base64.b32encode(data)[:40], base64.b32decode(base64.b32encode(data)) == data, base64.b32hexencode(data)[:20])
    print(base64.b16encode(data)[:40], base64.b16decode(base64.b16encode(data)) == data)
    print(base64.a85encode(data)[:40], base64.a85decode(base64.a85encode(data)) == data)
    print(base64.b85encode(data)[:40], base64.b85decode(base64.b85encode(data)) == data)
    print(base64.encodebytes(data)[:40], base64.decodebytes(base64.encodebytes(data)) == data)
t(base64.b64encode, b'\xff\xfe', altchars=b'-_'); t(base64.b64decode, '-_8=', altchars='-_')
t(base64.b64decode, b'Zm9v\n', validate=True); t(base64.b64decode, b'Zm9v\n'); t(base64.b64decode, b'Zm9')
t(base64.b64decode, 'é'); t(base64.b64encode, 'str'); t(base64.urlsafe_b64decode, 'Zm9vYg')
t(base64.b32decode, b'MZXW6==='); t(base64.b32decode, b'mzxw6===', casefold=True); t(base64.b32decode, b'MZXW6'); t(base64.b32decode, b'MZXW6!==')
t(base64.b16decode, b'666F6F'); t(base64.b16decode, b'666f6f', casefold=True); t(base64.b16decode, b'666'); t(base64.b16decode, b'66GG')
t(base64.a85encode, b'hello world', wrapcol=5, adobe=True); t(base64.a85decode, b'<~BOu!rD]j7BEbo7~>', adobe=True)
t(base64.a85encode, b'\0\0\0\0    ', foldspaces=True); t(base64.a85decode, b'zy', foldspaces=True)
t(base64.encodebytes, b'x' * 100); t(base64.decodebytes, 'str')
