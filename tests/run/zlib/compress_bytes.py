# zlib.compress / compressobj output is byte-identical to CPython's (C zlib).
import hashlib
import zlib


def lcg(n, seed=1):
    out = bytearray()
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % (i % 37) for i in range(400))
inputs = {
    "empty": b"",
    "a": b"a",
    "text": text,
    "zeros": bytes(50000),
    "random": lcg(20000),
    "mixed": lcg(3000, 7) + text[:5000] + bytes(2000),
}


def show(label, c):
    print(label, len(c), c[:16].hex(), hashlib.sha256(c).hexdigest()[:16])


for name, data in inputs.items():
    for level in (-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9):
        show(f"{name} level={level}", zlib.compress(data, level))
    for wbits in (9, 12, -9, -15, 25, 31):
        show(f"{name} wbits={wbits}", zlib.compress(data, 6, wbits))

for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    for mem in (1, 8, 9):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, mem, strategy)
        show(f"strategy={strategy} memLevel={mem}", co.compress(inputs["mixed"]) + co.flush())

co = zlib.compressobj(level=9, zdict=b"the quick brown fox jumps over the lazy dog")
show("zdict", co.compress(text) + co.flush())
print(zlib.compress(b"hello world"))
print(zlib.compress(b"hello world", 9, -15))
print(zlib.compress(b"hello world", wbits=31)[:3], zlib.compress(b"hello world", wbits=31)[10:])
