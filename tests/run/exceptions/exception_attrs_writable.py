# writable attributes of exceptions and their validation
e = ValueError("v")
e.custom = "any attribute"
print(e.custom, e.__dict__)
e.args = ("new", "args")
print(e, e.args)
e.args = "abc"
print(e.args)
e.__suppress_context__ = True
print(e.__suppress_context__)
try:
    e.__suppress_context__ = 1
except TypeError as t:
    print("TypeError", t)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "bad")
u.start = 1
u.end = 2
u.reason = "changed"
print(u, u.start, u.end, u.reason)
s = StopIteration(1)
s.value = 2
print(s.value, s.args)
x = SystemExit(1)
x.code = "changed"
print(x.code, x.args)
o = OSError(2, "msg")
o.filename = "f.txt"
o.errno = 3
print(o, o.errno)
try:
    e.__traceback__ = 5
except TypeError as t:
    print("TypeError", t)
