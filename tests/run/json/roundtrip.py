# dumps/loads round trips of nested data through the native _json paths
import json, json.scanner, json.decoder, json.encoder
print(json.scanner.c_make_scanner is not None, json.decoder.c_scanstring is not None)
print(json.encoder.c_make_encoder is not None, json.encoder.c_encode_basestring_ascii is not None)
data = {"a": [1, 2.5, -3e10, None, True, False, "x\u00e9\U0001f600"], "b": {"c": {}, "d": [[], [[1]], {"e": "f"}]},
        "n": 10 ** 30, "neg": -0.0, "small": 1e-300, 1: 2, 2.5: 1, None: 0, True: 1, False: 2}
t = json.dumps(data)
print(t)
print(json.loads(t))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, separators=(',', ':'), sort_keys=False))
print(json.dumps({"b": 1, "a": 2, "c": [3, {"z": 1, "y": 2}]}, sort_keys=True))
print(json.dumps([1, [2, [3]]], separators=(' ; ', ' = ')))
print(json.dumps((1, (2, 3))), json.dumps([]), json.dumps({}), json.dumps(()))
print(json.loads('[1, 2.0, -0, 1e5, 1E-2, 1.5e+3, 123456789012345678901234567890, "\\ud83d\\ude00", "\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"]'))
print(json.loads(' \t\n{ "a" : [ 1 , 2 ] , "b" : { } , "c" : [ ] } \r\n'))
print(json.loads('-0'), json.loads('-0.0'), json.loads('0.5'), json.loads('1e400'), json.loads('-1e400'))
print(json.loads('true'), json.loads('false'), json.loads('null'), json.loads('"x"'))
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] tail'), d.raw_decode('{"a": "b"}x'))
# the key memo: equal keys share one object
lst = json.loads('[{"key": 1}, {"key": 2}]')
k1, = lst[0]; k2, = lst[1]
print(k1 is k2)
class D(dict):
    def items(self):
        return sorted(super().items(), reverse=True)
print(json.dumps(D(a=1, b=2, c=3)))
class L(list): pass
class T(tuple): pass
print(json.dumps([L([1, 2]), T((3,))]))
class F(float):
    def __repr__(self): return 'F'
class I(int):
    def __repr__(self): return 'I'
class S(str): pass
print(json.dumps([F(1.5), I(3), S("s"), {I(4): F(2.0), F(0.5): 1, S("k"): 2}]))
print(json.dumps(object(), default=lambda o: ['obj', {'x': 1}]))
print(json.dumps({'a': object()}, default=repr)[:20])
print(json.dumps(list(range(10)), indent=None))
print(json.dumps(12345678901234567890123), json.dumps(-5), json.dumps(3.0), json.dumps(1e16), json.dumps(0.1))
