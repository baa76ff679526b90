# UnicodeError subclasses: constructor checks, fields, messages after changes
tests = [
    lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1),
    lambda: UnicodeDecodeError(1, b"\xff", 0, 1, "r"),
    lambda: UnicodeDecodeError("utf-8", "s", 0, 1, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", "0", 1, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1, 5),
    lambda: UnicodeDecodeError("utf-8", bytearray(b"\xff"), 0, 1, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1, "r", 6),
    lambda: UnicodeEncodeError("ascii", b"x", 0, 1, "r"),
    lambda: UnicodeEncodeError("ascii", "x", 0, 1),
    lambda: UnicodeTranslateError("x", 0, 1),
    lambda: UnicodeTranslateError(1, 0, 1, "r"),
    lambda: UnicodeError("a", "b"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", -1, 1, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", 5, 6, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 0, "r"),
    lambda: UnicodeEncodeError("ascii", "ab", -1, 0, "r"),
    lambda: UnicodeEncodeError("ascii", "ab", 1, 2, "r"),
    lambda: UnicodeTranslateError("ab\u1234", 2, 3, "r"),
    lambda: UnicodeTranslateError("ab\u1234", 0, 3, "r"),
    lambda: UnicodeDecodeError("utf-8", b"\xff", 2**70, 1, "r"),
    lambda: UnicodeDecodeError.__new__(UnicodeDecodeError),
    lambda: UnicodeDecodeError(encoding="x"),
]
for t in tests:
    try:
        u = t()
        print(repr(str(u)), repr(u), u.args, getattr(u, "encoding", "-"), getattr(u, "object", "-"),
              getattr(u, "start", "-"), getattr(u, "end", "-"), getattr(u, "reason", "-"))
    except Exception as e:
        print(type(e).__name__, e)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "r")
for attr, val in [("start", 1), ("end", 2), ("reason", "changed"), ("start", "x"), ("end", 2.0), ("reason", 5), ("encoding", 5), ("start", True)]:
    try:
        setattr(u, attr, val)
        print(attr, "ok", getattr(u, attr), str(u))
    except Exception as e:
        print(attr, type(e).__name__, e, getattr(u, attr))
try:
    del u.start
except TypeError as e:
    print("TypeError", e)
del u.reason
print(u.reason)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    "\u20ac".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
