# the native encoder: key coercion, skipkeys, NaN handling, circular references, separators, default
import json, _json
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: json.dumps({(1,): 2}))
show(lambda: json.dumps({(1,): 2, 'a': 1, frozenset(): 3}, skipkeys=True))
show(lambda: json.dumps({b'x': 1}))
show(lambda: json.dumps({1.5: 1, float('inf'): 2, float('-inf'): 3, float('nan'): 4}))
show(lambda: json.dumps({float('nan'): 4}, allow_nan=False))
show(lambda: json.dumps([float('nan'), float('inf'), -float('inf')]))
show(lambda: json.dumps([float('nan')], allow_nan=False))
show(lambda: json.dumps(float('inf'), allow_nan=False))
show(lambda: json.dumps({1: 1, '1': 2, True: 3, None: 4}))
show(lambda: json.dumps({2: 'a', 1: 'b'}, sort_keys=True))
show(lambda: json.dumps({2: 'a', 'x': 'b'}, sort_keys=True))
l = []; l.append(l)
show(lambda: json.dumps(l))
d = {}; d['self'] = d
show(lambda: json.dumps(d))
show(lambda: json.dumps([d]))
show(lambda: json.dumps(d, check_circular=False) if False else 'skipped')
class Obj: pass
o = Obj()
show(lambda: json.dumps(o))
show(lambda: json.dumps(o, default=lambda x: x))
show(lambda: json.dumps([o, o], default=lambda x: 'O'))
shared = [1]
show(lambda: json.dumps([shared, shared, {'a': shared}]))
show(lambda: json.dumps(set([1])))
show(lambda: json.dumps(["\ud800", "\udfff", "\U0001f600", "\u20ac", "\x7f", "\x00"]))
show(lambda: json.dumps(["\ud800", "\udfff", "\U0001f600", "\u20ac", "\x7f", "\x00"], ensure_ascii=False))
show(lambda: _json.encode_basestring_ascii('\x00\x1f\x7f\x80\u00e9\u2028\ud800\U0001f600"\\/\b\f\n\r\t'))
show(lambda: _json.encode_basestring('\x00\x1f\x7f\x80\u00e9\u2028\ud800\U0001f600"\\/\b\f\n\r\t'))
show(lambda: _json.encode_basestring(1))
show(lambda: _json.encode_basestring_ascii(b'x'))
enc = _json.make_encoder(None, None, _json.encode_basestring, None, ':', ',', False, False, True)
print(type(enc).__name__, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys, enc.markers)
show(lambda: enc([1, 'a', {1: 2}], 0))
show(lambda: _json.make_encoder([], None, _json.encode_basestring, None, ':', ',', False, False, False))
enc2 = _json.make_encoder({}, None, lambda s: 1, None, ':', ',', False, False, False)
show(lambda: enc2('a', 0))
enc3 = _json.make_encoder({}, None, lambda s: '<' + s + '>', None, '=', ';', False, False, False)
show(lambda: enc3({'a': ['b', 1]}, 0))
class BadItems(dict):
    def items(self):
        return [(1, 2, 3)]
show(lambda: json.dumps(BadItems(a=1)))
show(lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True))
print(json.dumps([1, {"a": 2}], indent=2))
a = [object()] * 10
def crasher(obj):
    del a[-1]
print(json.dumps(a, default=crasher))
