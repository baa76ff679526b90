# DeprecationWarning for invalid escapes, from the code calling the codec
# (once per location, as the default filters do in __main__).
import codecs
for i in range(3):
    print(b'a\\qb'.decode('unicode_escape'))
print(codecs.unicode_escape_decode(b'\\8\\9'))
print(codecs.escape_decode(b'\\777\\q'))
print(codecs.escape_decode(b'\\400'))
print(codecs.raw_unicode_escape_decode(b'\\q'))
print(b'\\N{EURO SIGN}\\u20ac'.decode('unicode_escape'))
