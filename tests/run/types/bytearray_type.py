# bytearray: mutable bytes
ba = bytearray(b"hello")
print(ba, repr(ba), len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b"abcd"
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b"xyz")
ba.extend([1, 2])
ba.insert(0, 64)
ba.insert(-1, 63)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("x"))
print(ba)
ba.reverse()
print(ba)
ba += b"++"
print(ba, ba * 2, ba.copy() == ba, ba.copy() is ba)
ba *= 2
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("ff00"))
x = bytearray(b"abcdef")
x[::2] = b"XYZ"
print(x, x.upper(), x.find(b"c"), x.split(b"Y"), x.hex(), x.decode(), x.isupper(), bytes(x))
for f in [lambda: x.__setitem__(0, 256), lambda: x.__setitem__(0, b"a"), lambda: x.remove(0), lambda: bytearray().pop(),
          lambda: x.__setitem__(slice(None, None, 2), b"a"), lambda: x.__getitem__(50), lambda: hash(x), lambda: x.insert(0, -1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(x == b"XbYdZf", b"XbYdZf" == x, x + b"!", b"!" + x, type(b"!" + x).__name__)
