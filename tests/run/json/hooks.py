# object_hook, object_pairs_hook, parse_* hooks and the scanner called directly
import json, _json
from collections import OrderedDict
class Decimal(str):
    def __repr__(self): return "Decimal(%s)" % str.__repr__(self)
doc = '{"b": 1, "a": [1.5, 2, {"c": null}], "d": NaN, "e": -Infinity, "f": Infinity}'
print(json.loads(doc, object_pairs_hook=list))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_hook=lambda d: sorted(d)))
print(json.loads(doc, object_hook=lambda d: 'H', object_pairs_hook=lambda p: 'P'))
print(json.loads(doc, parse_float=Decimal, parse_int=lambda s: 'int:' + s, parse_constant=lambda s: 'const:' + s))
print(json.loads('[1.10, 1e2, 10]', parse_float=str, parse_int=str))
print(json.loads('[1, 2]', parse_int=float))
def bad(s):
    raise KeyError(s)
try:
    json.loads('[1, 2]', parse_int=bad)
except KeyError as e:
    print('KeyError', e)
try:
    json.loads('{"a": 1}', object_hook=bad)
except KeyError as e:
    print('KeyError', e)
dec = json.JSONDecoder()
sc = _json.make_scanner(dec)
print(type(sc).__name__, type(sc).__module__, sc.strict, sc.object_hook, sc.parse_constant is dec.parse_constant)
print(sc('[1, "a"]', 0), sc(' 5', 1), sc('xyz "s"', 4))
for s, i in [('x', 0), ('', 0), ('[', 0), ('[1,', 0), ('{"a":', 0), ('-', 0), ('-Inf', 0), ('  ', 2)]:
    try:
        print(sc(s, i))
    except StopIteration as e:
        print('StopIteration', e.value)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
try:
    sc('1', -1)
except ValueError as e:
    print('ValueError', e)
try:
    sc(b'1', 0)
except TypeError as e:
    print('TypeError', e)
class Ctx:
    strict = False
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    def parse_constant(self, s):
        return s.lower()
print(_json.make_scanner(Ctx())('{"a\x01": [NaN, 1.0, 2]}', 0))
try:
    _json.make_scanner(object())
except AttributeError as e:
    print('AttributeError')
