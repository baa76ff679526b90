# Compress/Decompress objects: partial feeds, max_length, unconsumed_tail,
# unused_data, flush modes, copies and preset dictionaries.
import copy
import zlib

data = b"".join(b"record %05d|" % i for i in range(5000))

# Compressing in pieces gives the one-shot result.
co = zlib.compressobj()
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
print([len(p) for p in parts][:5], b"".join(parts) == zlib.compress(data))

# Flush modes.
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    co = zlib.compressobj(6)
    a = co.compress(data[:3000])
    b = co.flush(mode)
    c = co.compress(data[3000:6000])
    d = co.flush()
    whole = a + b + c + d
    print("mode", mode, len(a), len(b), len(c), len(d), b[-6:].hex(), zlib.decompress(whole) == data[:6000])
co = zlib.compressobj()
co.compress(b"abc")
print(co.flush(), co.flush() if False else "")

# Decompressing in small pieces.
c = zlib.compress(data)
do = zlib.decompressobj()
out = b"".join(do.decompress(c[i:i + 7]) for i in range(0, len(c), 7))
print(len(out), out == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.flush(), do.eof)

# max_length and unconsumed_tail.
do = zlib.decompressobj()
chunks = []
buf = c
while buf:
    chunk = do.decompress(buf, 1000)
    chunks.append(len(chunk))
    buf = do.unconsumed_tail
print(chunks[:3], len(chunks), sum(chunks), do.eof)
do = zlib.decompressobj()
first = do.decompress(c, 10)
print(first, len(do.unconsumed_tail), do.eof)
rest = do.flush()
print(first + rest == data, do.unconsumed_tail, do.eof)

# unused_data after the end of the stream, fed in one piece and in several.
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"first") + b"second stream"), do.unused_data, do.eof)
print(do.decompress(b" more"), do.unused_data, do.eof)
do = zlib.decompressobj()
full = zlib.compress(b"xyz") + b"junk"
print([do.decompress(full[i:i + 3]) for i in range(0, len(full), 3)], do.unused_data)

# Truncated input: decompressobj returns what it can, flush does not raise.
do = zlib.decompressobj()
part = do.decompress(c[: len(c) // 2])
print(len(part) > 0, do.eof, len(do.flush()) >= 0, do.eof)

# Copies diverge independently.
co = zlib.compressobj()
head = co.compress(b"shared prefix ")
c1 = co.copy()
c2 = copy.copy(co)
c3 = copy.deepcopy(co)
r1 = c1.compress(b"one") + c1.flush()
r2 = c2.compress(b"two") + c2.flush()
r3 = c3.flush()
r0 = co.compress(b"zero") + co.flush()
print([zlib.decompress(head + r) for r in (r0, r1, r2, r3)])
do = zlib.decompressobj()
cc = zlib.compress(b"abcdefgh" * 10)
do.decompress(cc[:10])
d1 = do.copy()
print(do.decompress(cc[10:]) == d1.decompress(cc[10:]), d1.eof, copy.copy(d1).eof, copy.deepcopy(d1).unused_data)

# Preset dictionaries.
zd = b"record 0|record 1|"
co = zlib.compressobj(zdict=zd)
cz = co.compress(data) + co.flush()
print(len(cz) < len(c), zlib.decompressobj(zdict=zd).decompress(cz) == data)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(cz) == data)
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(data[:500]) + co.flush()
print(zlib.decompressobj(-15, zdict=zd).decompress(raw) == data[:500])
do = zlib.decompressobj()
try:
    do.decompress(cz)
except zlib.error as e:
    print("error", e)

# gzip container with wbits 16+ and automatic detection.
co = zlib.compressobj(wbits=31)
gz = co.compress(b"gzip data") + co.flush()
print(gz[:3].hex(), zlib.decompressobj(31).decompress(gz), zlib.decompressobj(47).decompress(gz))
