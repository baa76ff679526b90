# A decoding error handler may replace the input (exc.object), as CPython reads it back.
import codecs
def mutating(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b""
        return ("\u4242", 0)
    raise TypeError("don't know how to handle %r" % exc)
codecs.register_error("test.mutating", mutating)
for enc in ["utf-16", "utf-8", "ascii", "latin-1"]:
    try:
        print(enc, ascii(b"\xff".decode(enc, "test.mutating")))
    except Exception as e:
        print(enc, type(e).__name__, e)
def grow(exc):
    if exc.object == b"a\xffb":
        exc.object = b"a\xffxyz"
    return ("?", exc.end)
codecs.register_error("test.grow", grow)
print(b"a\xffb".decode("utf-8", "test.grow"))
def badobj(exc):
    exc.object = "str"
    return ("?", exc.end)
codecs.register_error("test.badobj", badobj)
try:
    print(b"a\xffb".decode("utf-8", "test.badobj"))
except Exception as e:
    print(type(e).__name__, e)
