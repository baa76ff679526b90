# str.encode / bytes.decode across codecs and error handlers
s = "aé€\U0001f600\x00"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1", "ascii",
            "utf_8_sig", "utf-8-sig", "UTF-16LE", "U8", "utf8", "raw_unicode_escape", "unicode_escape"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]:
        try:
            b = s.encode(enc, errors)
            try:
                back = b.decode(enc, errors)
            except Exception as e:
                back = type(e).__name__
            print(enc, errors, b, repr(back))
        except Exception as e:
            print(enc, errors, type(e).__name__)
for b, enc in [(b"\xff\xfe", "utf-8"), (b"\xed\xa0\x80", "utf-8"), (b"a\x80b", "ascii"), (b"\x00\xd8", "utf-16-le"),
               (b"\xe4\xb8", "utf-8"), (b"\xf4\x90\x80\x80", "utf-8"), (b"\xc0\x80", "utf-8"), (b"\x00\x00\x11\x00", "utf-32-le"), (b"\\x4", "unicode_escape")]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(b, enc, errors, repr(b.decode(enc, errors)))
        except Exception as e:
            print(b, enc, errors, type(e).__name__, getattr(e, "start", None), getattr(e, "end", None), getattr(e, "reason", None))
