"""Generate src/stringlib/testdata/codecs.txt: encode/decode results and error details
from this python3 (CPython 3.11), which the codec unit tests replay.

Lines (tab-separated):
  decode <encoding name> <errors> <hex bytes> => s:<hex code points>
  encode <encoding name> <errors> s:<hex code points> => x:<hex bytes>
  ... => E <encoding> <start> <end> <reason> <message>     (the exception raised)
  lookup <name> => <codecs.lookup(name).name or "-">

Run: python3 crates/vm/gen/gen_codec_tests.py   (from any directory)
"""
import codecs
import os
import random
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "generate from CPython 3.11"
warnings.simplefilter("ignore")  # unicode_escape's DeprecationWarning for bad escapes

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "stringlib", "testdata", "codecs.txt")

ENCODINGS = ["utf-8", "utf-8-sig", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32", "utf-32-le", "utf-32-be"]
DEC_ERRORS = ["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace"]
ENC_ERRORS = DEC_ERRORS + ["xmlcharrefreplace", "namereplace"]

BYTES = [b"", b"abc", b"\xc3\xa9t\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xff", b"a\x80b",
         b"\xc0\x80", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xed\xb2\x80\xed\xa0\x80x", b"\xf0\x90\x80",
         b"\xf4\x90\x80\x80", b"\xf0\x90\x80A", b"a\xe2\x82", b"\xe2\x28\xa1", b"\xef\xbb\xbfa",
         b"\xef\xbb", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00b\x00", b"\x00a\x00b", b"\x00\xd8\x00\xdc",
         b"\x00\xd8a\x00", b"\x00\xdca\x00", b"\x00\xd8", b"\x00\xd8\x00", b"a", b"a\x00\x00\x00",
         b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a", b"\x00\xd8\x00\x00",
         b"\x00\x00\x11\x00", b"\x00\x00\x00", b"\x80\x81\x82\x83\x84\x85", b"\xf8\x88\x80\x80\x80",
         b"\x00\xd8\x00\xd8\x00\xdc"]
STRS = ["", "abc", "\u00e9t\u00e9", "a\u20ac\u20acb", "\U0001F600", "\ud800", "\udc80\udcff",
        "a\udc80\ud800\U0001F600\udcff", "\ud800\udc00x", "\x80\udc80", "\udc80\udc81\u20ac\udc82",
        "a\xe9\u20ac\U0001F600\udc80\ud800b", "\u0378\U000E0001\U0010FFFF", "\x00\x7f"]
NAMES = ["UTF8", "utf_8", "U8", "utf 8", "utf--8", "-utf8-", "utf8.", "utf.8", "latin1", "L1",
         "Latin-1", "iso-8859-1", "ISO8859-1", "8859", "cp819", "us-ascii", "646", "ANSI_X3.4-1968",
         "iso_646.irv:1991", "UTF-16LE", "utf_16be", "U16", "UTF-32", "u32", "utf_32_le",
         "unicodebigunmarked", "utf-8-sig", "UTF", "ucs2", "unicode-escape", "Raw_Unicode.Escape", "unicode escape", "utf8\u00e9", "\u00e9utf8", "cp1252", ""]


def cps(s):
    return "s:" + ".".join("%X" % ord(c) for c in s)


def err(e):
    return "\t".join(["E", e.encoding, str(e.start), str(e.end), e.reason, str(e)])


lines = []
for enc in ENCODINGS:
    for errors in DEC_ERRORS:
        for b in BYTES:
            try:
                r = cps(b.decode(enc, errors))
            except UnicodeDecodeError as e:
                if enc == "utf-8-sig" and b.startswith(codecs.BOM_UTF8):
                    continue  # CPython reports positions after the BOM there
                r = err(e)
            lines.append("\t".join(["decode", enc, errors, "x:" + b.hex(), "=>", r]))
    for errors in ENC_ERRORS:
        for s in STRS:
            try:
                r = "x:" + s.encode(enc, errors).hex()
            except UnicodeEncodeError as e:
                r = err(e)
            lines.append("\t".join(["encode", enc, errors, cps(s), "=>", r]))
ESCAPED = [b"", b"abc\xe9", rb"a\n\t\x41\u20ac\U0001F600\N{EURO SIGN}\101\q\\", rb"\x4", rb"\x4g", rb"\u12",
           rb"\U0011ffff", rb"\N{FOO}", rb"\N{EURO", rb"\N", rb"\Nx", rb"\N{}", rb"\N{euro sign}", b"\\",
           b"\xe9\\x", rb"\8", rb"\U0001F60", rb"\u0041", rb"\\u0041", rb"\\\u0041", rb"\x41", rb"\\\\x",
           rb"\u00", rb"\u00g1", rb"\U00110000", b"\xe9\\u00e9", rb"a\\", rb"\ud800", rb"\777", rb"\0\12\1234",
           b"\\\n", rb"\a\b\f\v\'\"", rb"\N{LATIN SMALL LETTER A}\N{ LATIN}"]
for enc in ["unicode_escape", "raw_unicode_escape"]:
    for errors in DEC_ERRORS:
        for b in ESCAPED:
            try:
                r = cps(b.decode(enc, errors))
            except UnicodeDecodeError as e:
                r = err(e)
            lines.append("\t".join(["decode", enc, errors, "x:" + b.hex(), "=>", r]))
    for s in STRS + ["\\u0041", "\t\n\r'\"\x7f\x80\xa0\xff"]:
        lines.append("\t".join(["encode", enc, "strict", cps(s), "=>", "x:" + s.encode(enc).hex()]))

# Random cases (fixed seed, so the file is stable).
RANDOM_ENCODINGS = ENCODINGS + ["unicode_escape", "raw_unicode_escape"]
FRAGMENTS = [b"a", b"\x00", b"\xff", b"\xfe", b"\xd8", b"\xdc", b"\xed", b"\xa0", b"\x80", b"\xbf", b"\xc3",
             b"\xe2", b"\xf0", b"\x9f", b"\x90", b"\xf4", b"\\", b"u", b"U", b"x", b"N", b"{", b"}", b"0", b"1",
             b"f", b"\x11", b"\xef\xbb\xbf"]
CHARS = ["a", "\x00", "\u00e9", "\x7f", "\u20ac", "\U0001F600", "\ud800", "\udc80", "\udcff", "\U0010FFFF",
         "\\", "\u0378", "\u00ff"]
random.seed(393)
for _ in range(1000):
    enc = random.choice(RANDOM_ENCODINGS)
    if random.random() < 0.6:
        b = b"".join(random.choice(FRAGMENTS) for _ in range(random.randint(0, 8)))
        errors = random.choice(DEC_ERRORS)
        try:
            r = cps(b.decode(enc, errors))
        except UnicodeDecodeError as e:
            if enc == "utf-8-sig" and b.startswith(codecs.BOM_UTF8):
                continue
            r = err(e)
        lines.append("\t".join(["decode", enc, errors, "x:" + b.hex(), "=>", r]))
    else:
        s = "".join(random.choice(CHARS) for _ in range(random.randint(0, 6)))
        errors = random.choice(ENC_ERRORS)
        try:
            r = "x:" + s.encode(enc, errors).hex()
        except UnicodeEncodeError as e:
            r = err(e)
        lines.append("\t".join(["encode", enc, errors, cps(s), "=>", r]))

for n in NAMES:
    try:
        r = codecs.lookup(n).name
    except LookupError:
        r = "-"
    lines.append("\t".join(["lookup", n, "=>", r]))

# UTF-7: fixed cases, then random ones (own seed, so the cases above stay as they were).
UTF7_BYTES = [b"", b"abc", b"+-", b"+AOk-", b"+AOk", b"+AOkA6Q-x", b"a+2D3eAA-", b"+2D3-", b"+2D3eAA",
              b"+AO", b"+A-", b"+AOl-", b"\xe9", b"+\xff", b"+!", b"a+", b"+AOk\xff", b"~\\", b"+ZeVnLIqe-",
              b"+AGEAYgBj-", b"+AAA-", b"+2D3YPQ-", b"+3gA-", b"+2D0AYQ-"]
UTF7_STRS = STRS + ["a+b~\\!-", "Hi Mom -\u263a-!", "\u65e5\u672c\u8a9e", "a-b+c", "\xe9-", "\xe9a", "\t\n\r "]
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    for b in UTF7_BYTES:
        for final in (True,):
            try:
                r = cps(b.decode("utf-7", errors))
            except UnicodeDecodeError as e:
                r = err(e)
            lines.append("\t".join(["decode", "utf-7", errors, "x:" + b.hex(), "=>", r]))
for s in UTF7_STRS:
    lines.append("\t".join(["encode", "utf-7", "strict", cps(s), "=>", "x:" + s.encode("utf-7").hex()]))
UTF7_FRAGMENTS = [b"+", b"-", b"A", b"O", b"k", b"2", b"D", b"3", b"e", b"/", b"a", b"\x80", b"!", b"~", b" "]
rng = random.Random(7)
for _ in range(300):
    b = b"".join(rng.choice(UTF7_FRAGMENTS) for _ in range(rng.randint(0, 10)))
    errors = rng.choice(["strict", "replace", "backslashreplace"])
    try:
        r = cps(b.decode("utf-7", errors))
    except UnicodeDecodeError as e:
        r = err(e)
    lines.append("\t".join(["decode", "utf-7", errors, "x:" + b.hex(), "=>", r]))
    s = "".join(rng.choice(CHARS + ["+", "-", "/", "~", " "]) for _ in range(rng.randint(0, 6)))
    lines.append("\t".join(["encode", "utf-7", "strict", cps(s), "=>", "x:" + s.encode("utf-7").hex()]))

with open(OUT, "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")
print(len(lines), "cases")
