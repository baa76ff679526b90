# UnicodeError subclasses: str() forms for single and ranges of bad bytes/characters
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeDecodeError("utf-8", b"\xe2\x82", 0, 2, "unexpected end of data")))
print(str(UnicodeEncodeError("ascii", "\u20ac", 0, 1, "ordinal not in range(128)")))
print(str(UnicodeEncodeError("ascii", "ab\u20ac\u20ac", 2, 4, "ordinal not in range(128)")))
print(str(UnicodeEncodeError("latin-1", "\U0001f600", 0, 1, "x")), str(UnicodeEncodeError("latin-1", "\xff", 0, 1, "x")))
print(str(UnicodeTranslateError("\u20ac", 0, 1, "no mapping")), UnicodeTranslateError("ab", 0, 2, "r").encoding)
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeError, ValueError), UnicodeError("plain"))
