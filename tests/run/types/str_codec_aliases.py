# codec names and aliases accepted by str.encode / bytes.decode (normalization: case, '-', ' ', '_')
names = ["utf-8", "UTF-8", "utf8", "u8", "utf", "UTF_8", "utf 8", "cp65001", "utf-8-sig", "utf_8_sig", "latin-1", "latin1", "latin_1",
         "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "L1", "latin", "iso_8859_1", "ascii", "us-ascii", "646", "us", "ANSI_X3.4_1968",
         "utf-16", "utf16", "u16", "utf-16le", "utf_16_le", "UTF-16BE", "utf-32", "u32", "utf-32-le", "utf_32be", "unicode_escape",
         "raw-unicode-escape", "unicode-escape", "  utf-8  ", "utf--8", "utf.8", "UTF8 ", "x-unknown"]
for n in names:
    try:
        text = "é" if "ascii" not in n.lower() and n not in ("646", "us", "ANSI_X3.4_1968") else "a"
        data = text.encode(n)
        print(repr(n), data, repr(data.decode(n)))
    except LookupError as e:
        print(repr(n), "LookupError", e)
