# bytes.decode with codecs and error handlers
data = [b"plain", b"caf\xc3\xa9", b"\xff\xfe", b"a\x80b", b"\xe4\xb8", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"]
for d in data:
    for enc in ["utf-8", "latin-1", "ascii"]:
        for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
            try:
                r = d.decode(enc, errors)
                print(d, enc, errors, repr(r))
            except UnicodeDecodeError as e:
                print(d, enc, errors, "UnicodeDecodeError", e, e.start, e.end, repr(e.reason))
s = b"\xff\xfeab".decode("utf-8", "surrogateescape")
print(repr(s), s.encode("utf-8", "surrogateescape"))
print(bytearray(b"\xc3\xa9").decode(), b"".decode(), str(b"\xe9", "latin-1"), str(b"\xff", "ascii", "replace"))
try:
    b"x".decode("nope")
except LookupError as e:
    print("LookupError", e)
try:
    b"\x80".decode("utf-8", "nohandler")
except LookupError as e:
    print("LookupError", e)
