# chr(ord(c)) round trip over ranges, and category-ish checks
ok = all(ord(chr(i)) == i for i in range(0, 0x110000, 97))
print(ok, chr(0x7f).isprintable(), chr(0x20).isspace(), [chr(i) for i in range(65, 70)], "".join(map(chr, [72, 105])))
print(sum(ord(c) for c in "hello"), [ord(c) for c in "é😀"], ord(chr(0xdfff)), len(chr(0x10ffff)))
