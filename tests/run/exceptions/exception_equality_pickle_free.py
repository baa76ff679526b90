# exceptions compare by identity; args are tuples; with_traceback returns self
a, b = ValueError(1), ValueError(1)
print(a == b, a == a, a.args == b.args, a != b, hash(a) == hash(a))
e = KeyError("k", "extra")
print(e.args, str(e), repr(e), len(e.args))
e2 = e.with_traceback(None)
print(e2 is e, isinstance(e, LookupError), KeyError.__mro__[1:3])
class Rich(Exception):
    def __init__(self, code, detail):
        super().__init__(f"code {code}")
        self.code = code
        self.detail = detail
r = Rich(404, "not found")
print(r, r.args, r.code, r.detail, repr(r))
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
n = NoSuper(1, 2)
print(n.args, str(n), repr(n))
