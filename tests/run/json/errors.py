# every decoder error message with its position, lineno and colno
import json
from json.decoder import JSONDecodeError
from _json import scanstring
cases = ['[', '[1,', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '{"a":', 'nul', 'tru', 'fals', '',
         '  ', '[1]x', '{"a":1', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\ud800\\uzzzz"', '"a\x01b"', '[\n1,\n2\n,\n]',
         '{\n"a": 1\n\n"b": 2}', '-', '-x', '01', '1.', '.5', '1e', '1e+', 'NaNx', '[-Infinity, Infinity, NaN]',
         '{"a": 1, "a": 2}', '[1]\n\n  x', '\ufeff[1]', '{"a"}', '{"a" : }', '[,]', '{,}', '"\t"']
for c in cases:
    try:
        print(repr(c), '->', repr(json.loads(c)))
    except JSONDecodeError as e:
        print(repr(c), type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno)
for a, end in [('"\\"', 1), ('ab"', 1), ('"\\u1234', 1), ('"\\ud800\\udc00', 1), ('"\\ud800\\udc00"', 1),
               ('"\\ud800\\udc0', 1), ('"\\ud800\\u0041"', 1), ('"\\ud800\\x"', 1), ('"\\ud800\\uzz"', 1),
               ('"\\udc00\\ud800"', 1), ('"\\q"', 1), ('"abc"', -1), ('"abc"', 0), ('"abc"', 5), ('"abc"', 6)]:
    try:
        print(repr(a), end, scanstring(a, end))
    except Exception as e:
        print(repr(a), end, type(e).__name__, e)
print(scanstring('"a\x01\x1f"', 1, False))
try:
    scanstring(b'"x"', 1)
except TypeError as e:
    print(e)
try:
    json.loads('"a\x01"')
except JSONDecodeError as e:
    print(e)
print(repr(json.loads('"a\x01\n"', strict=False)))
print(json.JSONDecoder(strict=False).decode('{"k\x02": "v\x1f"}'))
import _json
for f in [lambda: _json.scanstring('"x"', 1, strict=False), lambda: _json.scanstring('"x"'), lambda: _json.scanstring('"x"', 'a'),
          lambda: _json.scanstring('"x"', 1, 2, 3), lambda: json.loads('1' * 5000)]:
    try:
        print(repr(f())[:150])
    except Exception as e:
        print(type(e).__name__, str(e)[:150])
