# chr() and ord()
for i in [0, 10, 65, 127, 128, 255, 256, 0x3b1, 0x4e2d, 0xd800, 0xffff, 0x10000, 0x1f600, 0x10ffff]:
    c = chr(i)
    print(i, repr(c), ord(c), len(c))
print(ord(b"a"), ord(bytearray(b"z")), ord("\n"))
for f in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: ord(""), lambda: ord("ab"), lambda: ord(b"ab"),
          lambda: ord(5), lambda: chr(1.5), lambda: chr(2**70)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
