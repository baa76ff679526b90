# str.encode with codecs and error handlers
s = "aé中\U0001f600"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "latin1", "iso-8859-1", "ascii", "us-ascii"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e, e.start, e.end, e.encoding, repr(e.reason))
print("abc".encode(), "é".encode(encoding="latin-1"), "x".encode("utf-8", errors="strict"))
print("\udc80\udcff".encode("utf-8", "surrogateescape"), "a\udc80".encode("latin-1", "surrogateescape"))
for enc, errors in [("utf-8", "strict"), ("utf-8", "replace"), ("utf-8", "ignore"), ("ascii", "surrogateescape"), ("utf-8", "backslashreplace")]:
    try:
        print(enc, errors, "a\ud800b".encode(enc, errors))
    except UnicodeEncodeError as e:
        print(enc, errors, "UnicodeEncodeError", e)
for bad in [("no-such-codec",), ("utf-8", "no-such-handler")]:
    try:
        "é".encode(*bad)
    except LookupError as e:
        print("LookupError", e)
try:
    "x".encode(1)
except TypeError as e:
    print("TypeError", e)
