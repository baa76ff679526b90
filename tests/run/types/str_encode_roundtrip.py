# encode/decode round trips and byte lengths across the code point ranges
samples = ["ascii", "\x7f\x80", "\u07ff\u0800", "\uffff", "\U00010000", "\U0010ffff", "mixé中😀"]
for s in samples:
    b = s.encode("utf-8")
    print(repr(s), len(s), len(b), b, b.decode("utf-8") == s)
print("é".encode("latin-1").decode("latin-1"), "ÿ".encode("latin-1"), bytes(range(0xf8, 0x100)).decode("latin-1"))
raw = bytes(range(0x7e, 0x84))
s = raw.decode("utf-8", "surrogateescape")
print(repr(s), s.encode("utf-8", "surrogateescape") == raw, raw.decode("ascii", "replace"), raw.decode("ascii", "backslashreplace"))
print("€".encode("ascii", "xmlcharrefreplace"), "€".encode("latin-1", "backslashreplace"), "a€b".encode("ascii", "ignore"))
print(b"\xe2\x82".decode("utf-8", "replace"), b"\xe2\x82\xac\xe2".decode("utf-8", "ignore"), b"\x80abc".decode("utf-8", "backslashreplace"))
try:
    "\udc80".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    b"ab\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
