import io
f = open('/tmp/pyrite-io-gs', 'w')
for o in (f, f.buffer, f.buffer.raw, io.BytesIO(), io.StringIO()):
    try:
        print(o.__getstate__())
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(o.__reduce_ex__(2)[0].__name__)
    except Exception as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO())
print(t._CHUNK_SIZE, t._finalizing)
t._CHUNK_SIZE = 100
for bad in (0, "x"):
    try:
        t._CHUNK_SIZE = bad
    except Exception as e:
        print(type(e).__name__, e)
print(f.buffer.raw._blksize > 0, f.buffer._finalizing)
