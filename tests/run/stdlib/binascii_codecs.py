# binascii: hex, base64, uu, quoted-printable, CRCs and their errors.
import binascii as b
def t(f,*a,**k):
  try: print(repr(f(*a,**k)))
  except Exception as e: print(type(e).__name__, e)
print(b.Error.__mro__, b.Incomplete.__mro__, sorted(x for x in dir(b) if not x.startswith('__')))
t(b.hexlify, b'\x01\xab\xff'); t(b.hexlify, b'abcdef', '-'); t(b.hexlify, b'abcdef', b':', 2); t(b.hexlify, b'abcdef', ':', -2); t(b.hexlify, 'abc'); t(b.hexlify, b'a', 'ab'); t(b.hexlify, b'a', 1); t(b.hexlify, b'a', 'é'); t(b.hexlify); t(b.hexlify, data=b'a', sep='.'); t(b.hexlify, b'', ':')
t(b.b2a_hex, bytearray(b'xy'), sep='|', bytes_per_sep=1)
t(b.unhexlify, b'01ab'); t(b.unhexlify, '01AB'); t(b.unhexlify, '0'); t(b.unhexlify, 'zz'); t(b.unhexlify, 'é'); t(b.unhexlify, 5); t(b.a2b_hex, memoryview(b'ff')); t(b.unhexlify, hexstr='ab')
t(b.b2a_base64, b'hello'); t(b.b2a_base64, b'hello', newline=False); t(b.b2a_base64, b''); t(b.b2a_base64, 'x'); t(b.b2a_base64, b'a', False)
for s in [b'aGVsbG8=', b'aGVsbG8', b'aGVsbA==', b'aGVsbA=', b'a', b'ab', b'abc', b'abcd', b'ab==cd', b'ab=c=', b'!!aGVs bG8=\n', b'=ab', b'ab=', b'abc=de', b'', b'====', 'aGk=', b'YQ==YQ==', b'Y', b'YWJj\nZGVm']:
  t(b.a2b_base64, s); t(b.a2b_base64, s, strict_mode=True)
t(b.a2b_base64, 'é'); t(b.a2b_base64, 1); t(b.a2b_base64, b'', True)
t(b.crc32, b'hello'); t(b.crc32, b'hello', 5); t(b.crc32, b'hello', -1); t(b.crc32, b'hello', 2**40); t(b.crc32, b''); t(b.crc32, 'x'); t(b.crc32, b'a', 'x')
t(b.crc_hqx, b'hello', 0); t(b.crc_hqx, b'hello', 0xffff); t(b.crc_hqx, b'hello', -1); t(b.crc_hqx, b'hello'); t(b.crc_hqx, b'', 7); t(b.crc_hqx, b'123456789', 0x1d0f)
t(b.b2a_uu, b'hello'); t(b.b2a_uu, b''); t(b.b2a_uu, b'', backtick=True); t(b.b2a_uu, b'\x00\x00\x00', backtick=True); t(b.b2a_uu, b'x'*45); t(b.b2a_uu, b'x'*46)
for s in [b'%:&5L;&\\\n', b'', b' \n', b'!80``\n', b'%:&5L;&\\ \n', b'%:&5L;&\\xx\n', b'%:&5L\x01', b'%:&', b'`', b'!', 'A']:
  t(b.a2b_uu, s)
for s in [b'hello', b'h=C3=A9llo', b'soft=\nbreak', b'soft=\r\nbreak', b'a=3d', b'a==b', b'a=zz', b'a=', b'a_b', b'=4', b'x=\r', 'abc']:
  t(b.a2b_qp, s); t(b.a2b_qp, s, header=True)
for s in [b'hello', b'h\xc3\xa9llo = x', b'tab\tend\t', b'space end ', b'line1\nline2', b'crlf\r\nnext\r\n', b'.\n', b'.', b'a' * 100, b'=' * 30, b'a_b c', b'x\x00y', b'trail \nx', b'\r\n', b'a\rb', b'a' * 74 + b'\xff', b'a'*75 + b'\n', b'a'*76 + b'b', b'\t']:
  t(b.b2a_qp, s); t(b.b2a_qp, s, quotetabs=True); t(b.b2a_qp, s, istext=False); t(b.b2a_qp, s, header=True)
t(b.b2a_qp, 'x'); t(b.b2a_qp, data=b'a b', header=1)
t(b.a2b_qp); t(b.b2a_qp, b'', 1, 2, 3, 4)
