# bytearray with exported memoryviews refuses to resize; release, context managers and slices of views
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except BufferError as e:
        print(label, "BufferError", e)
ba = bytearray(b"abcdef")
m = memoryview(ba)
attempt("append", lambda: ba.append(1))
attempt("extend", lambda: ba.extend(b"x"))
attempt("extend empty", lambda: ba.extend(b""))
attempt("pop", lambda: ba.pop())
attempt("remove", lambda: ba.remove(97))
attempt("insert", lambda: ba.insert(0, 1))
attempt("clear", lambda: ba.clear())
attempt("del item", lambda: ba.__delitem__(0))
attempt("del empty slice", lambda: ba.__delitem__(slice(0, 0)))
attempt("grow slice", lambda: ba.__setitem__(slice(0, 1), b"xy"))
attempt("same size slice", lambda: ba.__setitem__(slice(0, 1), b"Z"))
attempt("extended slice", lambda: ba.__setitem__(slice(None, None, 2), b"123"))
attempt("item", lambda: ba.__setitem__(1, 66))
attempt("reverse", lambda: ba.reverse())
attempt("reinit", lambda: ba.__init__(b"abcdef"))
print(ba, m.tobytes(), m[0], bytes(m[1:3]))
try:
    ba += b"!"
except BufferError as e:
    print("+= BufferError", e)
try:
    ba *= 2
except BufferError as e:
    print("*= BufferError", e)
part = m[1:3]
m.release()
attempt("append with slice alive", lambda: ba.append(1))
part.release()
attempt("append after release", lambda: ba.append(33))
with memoryview(ba) as m2:
    attempt("pop inside with", lambda: ba.pop())
    print(m2.readonly, m2.obj is ba, len(m2))
attempt("pop after with", lambda: ba.pop())
m3 = memoryview(ba)
del m3
attempt("pop after del", lambda: ba.pop())
m4 = memoryview(memoryview(ba))
attempt("view of view", lambda: ba.append(1))
m4.release()
m4.release()
attempt("released twice", lambda: ba.append(2))
print(ba, repr(m4).startswith("<released memory at 0x"))
for f in [lambda: m4[0], lambda: len(m4), lambda: m4.tobytes(), lambda: m4.obj, lambda: bytes(m4), lambda: m4.__enter__(), lambda: m4.format]:
    try:
        print(f())
    except ValueError as e:
        print("ValueError", e)
