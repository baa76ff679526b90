# bytearray methods that return new objects, in-place ops, comparisons
ba = bytearray(b"Hello World")
print(ba.upper(), ba.lower(), ba.split(), ba.replace(b"o", b"0"), ba.strip(b"Hd"), ba.partition(b" "), ba.center(15, b"*"))
print(type(ba.upper()).__name__, type(ba.split()[0]).__name__, ba.startswith(b"He"), ba.find(b"W"), ba.count(b"l"), ba.index(b"o"))
ba2 = bytearray(b"abc")
ba2[1:2] = bytearray(b"XYZ")
print(ba2, len(ba2))
ba2[0:0] = [1, 2]
print(ba2)
ba2[-1] = 0
print(ba2, ba2 == bytearray(b"\x01\x02aXYZ\x00"), ba2 < b"\x02", bytearray(b"a") + bytearray(b"b"))
ba3 = bytearray(5)
ba3[::2] = [1, 2, 3]
print(ba3, bytearray(range(5)), bytearray(b"x") * 3, bytearray().join([b"a", bytearray(b"b")]), bytearray(b"  pad ").rstrip())
print(bytearray(b"abc").decode("ascii"), bytearray(b"\xff").decode("latin-1"), bytearray(b"a\tb").expandtabs(4), bytearray(b"12").zfill(4))
ba4 = bytearray(b"xyz")
ba4.extend(bytearray(b"!"))
ba4 += bytearray(b"?")
print(ba4, ba4.pop(), ba4, ba4.rfind(b"y"), ba4.hex("-"), bytearray.fromhex("61 62"))
for f in [lambda: ba4.extend(5), lambda: ba4.extend(["a"]), lambda: ba4.append("a"), lambda: ba4.__setitem__(slice(0, 1), 5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
