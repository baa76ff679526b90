"""Generate src/stringlib/unicode_db.rs: the Unicode 14.0.0 character properties that
str methods and codecs need, as CPython 3.11's unicodectype.c sees them.

Every fact is read from this python3's own `str` methods and `unicodedata`
(Unicode 14.0.0), so the tables agree with CPython by construction:

- flags: isalpha, isdecimal, isdigit, isnumeric, isspace, islower, isupper,
  titlecase (category Lt), line break (splitlines), XID_Start/XID_Continue
  (isidentifier), Cased and Case_Ignorable (observed through title() and the
  final-sigma rule of lower()), and whether unicodedata.name() knows a name;
- full case mappings (upper, lower, title, casefold) as deltas, or as indexes into
  EXT_CASE when a mapping has several code points or casefold differs from lower;
- decimal and digit values, and numeric values (an index into NUMERIC_VALUES);
- unicodedata's category, bidirectional, east_asian_width, combining and mirrored.

Records are shared: RECORD_INDEX1[cp >> SHIFT] picks a block of RECORD_INDEX2 whose
entry for cp & MASK is the index of the record in RECORDS (CPython's two-level
scheme).  Also writes src/stringlib/unicode_checks.rs, per-property checksums over
all code points, that the Rust tests recompute through the lookup functions.

Run: python3 crates/vm/gen/gen_unicode.py   (from any directory)
"""
import os
import sys
import unicodedata
import zlib

assert sys.version_info[:2] == (3, 11), "generate from CPython 3.11"
assert unicodedata.unidata_version == "14.0.0"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "stringlib", "unicode_db.rs")
CHECKS = os.path.join(HERE, "..", "src", "stringlib", "unicode_checks.rs")

ALPHA, DECIMAL, DIGIT, NUMERIC = 0x1, 0x2, 0x4, 0x8
LOWER, UPPER, TITLE, SPACE = 0x10, 0x20, 0x40, 0x80
LINEBREAK, XID_START, XID_CONTINUE = 0x100, 0x200, 0x400
CASED, CASE_IGNORABLE, EXTENDED_CASE, HAS_NAME = 0x800, 0x1000, 0x2000, 0x4000
MIRRORED = 0x8000

# Value lists of the unicodedata properties the records index (order is ours).
CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe",
              "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B",
        "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]


def is_cased(ch):
    # After a cased character title() lowers the next one; after an uncased one it
    # title-cases it.
    return ("a" + ch + "a").title().endswith("a")


def is_case_ignorable(ch, cased):
    # Final sigma: a Σ preceded by a cased character (skipping case-ignorables) and
    # not followed by one lowers to ς.
    if cased:
        return ("1" + ch + "\u03a3").lower().endswith("\u03c3")
    return ("A" + ch + "\u03a3").lower().endswith("\u03c2")


def flags_of(c):
    ch = chr(c)
    f = 0
    if ch.isalpha():
        f |= ALPHA
    if ch.isdecimal():
        f |= DECIMAL
    if ch.isdigit():
        f |= DIGIT
    if ch.isnumeric():
        f |= NUMERIC
    if ch.islower():
        f |= LOWER
    if ch.isupper():
        f |= UPPER
    if unicodedata.category(ch) == "Lt":
        f |= TITLE
    if ch.isspace():
        f |= SPACE
    if ch.splitlines() != [ch]:
        f |= LINEBREAK
    if ch.isidentifier() and ch != "_":
        f |= XID_START
    if ("a" + ch).isidentifier():
        f |= XID_CONTINUE
    cased = is_cased(ch)
    if cased:
        f |= CASED
    if is_case_ignorable(ch, cased):
        f |= CASE_IGNORABLE
    if unicodedata.name(ch, None) is not None:
        f |= HAS_NAME
    if unicodedata.mirrored(ch):
        f |= MIRRORED
    return f


def main():
    ext = []  # EXT_CASE code points
    ext_index = {}

    def ext_ref(seq):
        # (len << 24) | index, sharing identical sequences.
        key = tuple(seq)
        if key not in ext_index:
            ext_index[key] = len(ext)
            ext.extend(key)
        assert len(key) < 256 and ext_index[key] < (1 << 24)
        return (len(key) << 24) | ext_index[key]

    numeric_values = []
    numeric_index = {}
    records = []
    record_index = {}
    per_cp = []
    for c in range(0x110000):
        ch = chr(c)
        f = flags_of(c)
        up = [ord(x) for x in ch.upper()]
        lo = [ord(x) for x in ch.lower()]
        ti = [ord(x) for x in ch.title()]
        fo = [ord(x) for x in ch.casefold()]
        if len(up) == len(lo) == len(ti) == 1 and fo == lo:
            case = (up[0] - c, lo[0] - c, ti[0] - c, lo[0] - c)
        else:
            f |= EXTENDED_CASE
            case = (ext_ref(up), ext_ref(lo), ext_ref(ti), ext_ref(fo))
        dec = unicodedata.decimal(ch, -1)
        dig = unicodedata.digit(ch, -1)
        assert dec == -1 or dec == dig
        num = unicodedata.numeric(ch, None)
        if num is None:
            ni = 0xFFFF
        else:
            if num not in numeric_index:
                numeric_index[num] = len(numeric_values)
                numeric_values.append(num)
            ni = numeric_index[num]
        props = (CATEGORIES.index(unicodedata.category(ch)), BIDI.index(unicodedata.bidirectional(ch)),
                 EAW.index(unicodedata.east_asian_width(ch)), unicodedata.combining(ch))
        rec = (f,) + case + (dec & 0xFF, dig & 0xFF, ni) + props
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        per_cp.append(record_index[rec])

    # Pick the block size that makes the two index arrays smallest.
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, 0x110000, size):
            block = tuple(per_cp[start:start + size])
            if block not in blocks:
                blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(blocks[block])
        i1w = 1 if len(blocks) < 256 else 2
        cost = len(index1) * i1w + len(index2) * 2
        if best is None or cost < best[0]:
            best = (cost, shift, index1, index2, i1w)
    _, shift, index1, index2, i1w = best
    assert len(records) < (1 << 16)

    def rows(values, per_line=24):
        vals = [str(v) for v in values]
        return "\n".join("    " + ",".join(vals[i:i + per_line]) + "," for i in range(0, len(vals), per_line))

    i1t = "u8" if i1w == 1 else "u16"
    out = []
    out.append("// @generated by gen/gen_unicode.py from CPython 3.11's str methods and unicodedata (Unicode 14.0.0). Do not edit.")
    out.append("//! Unicode 14.0.0 character records: flags, full case mappings, decimal/digit/numeric values.")
    out.append("")
    for name, val in [("ALPHA", ALPHA), ("DECIMAL", DECIMAL), ("DIGIT", DIGIT), ("NUMERIC", NUMERIC),
                      ("LOWER", LOWER), ("UPPER", UPPER), ("TITLE", TITLE), ("SPACE", SPACE),
                      ("LINEBREAK", LINEBREAK), ("XID_START", XID_START), ("XID_CONTINUE", XID_CONTINUE),
                      ("CASED", CASED), ("CASE_IGNORABLE", CASE_IGNORABLE), ("EXTENDED_CASE", EXTENDED_CASE),
                      ("HAS_NAME", HAS_NAME), ("MIRRORED", MIRRORED)]:
        out.append(f"pub(crate) const {name}: u16 = 0x{val:X};")
    out.append("")
    out.append("/// One character record: flags; upper, lower, title and casefold mappings (deltas,")
    out.append("/// or `len << 24 | index` into EXT_CASE when EXTENDED_CASE); decimal and digit")
    out.append("/// values (0xFF: none); index into NUMERIC_VALUES (0xFFFF: none); indexes into")
    out.append("/// CATEGORIES, BIDIRECTIONAL and EAST_ASIAN_WIDTH; the canonical combining class.")
    out.append("pub(crate) type Record = (u16, i32, i32, i32, i32, u8, u8, u16, u8, u8, u8, u8);")
    out.append("")
    for name, vals in [("CATEGORIES", CATEGORIES), ("BIDIRECTIONAL", BIDI), ("EAST_ASIAN_WIDTH", EAW)]:
        out.append(f"pub(crate) static {name}: [&str; {len(vals)}] = [" + ", ".join('"%s"' % v for v in vals) + "];")
    out.append("")
    out.append(f"pub(crate) const SHIFT: u32 = {shift};")
    out.append("")
    out.append(f"pub(crate) static RECORDS: [Record; {len(records)}] = [")
    recs = ["(" + ",".join(str(v) for v in r) + ")" for r in records]
    for i in range(0, len(recs), 6):
        out.append("    " + ",".join(recs[i:i + 6]) + ",")
    out.append("];")
    out.append("")
    out.append(f"pub(crate) static RECORD_INDEX1: [{i1t}; {len(index1)}] = [")
    out.append(rows(index1, 32))
    out.append("];")
    out.append("")
    out.append(f"pub(crate) static RECORD_INDEX2: [u16; {len(index2)}] = [")
    out.append(rows(index2, 32))
    out.append("];")
    out.append("")
    out.append(f"pub(crate) static EXT_CASE: [u32; {len(ext)}] = [")
    out.append(rows(ext, 16))
    out.append("];")
    out.append("")
    out.append(f"pub(crate) static NUMERIC_VALUES: [f64; {len(numeric_values)}] = [")
    out.append(rows([repr(float(v)) for v in numeric_values], 8))
    out.append("];")
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")

    # Checksums: CRC-32 over one line of text per code point and property, so a
    # lookup bug in the Rust code shows up as a mismatch.
    def crc(fn):
        h = 0
        for c in range(0x110000):
            h = zlib.crc32((fn(chr(c)) + "\n").encode("utf-8", "surrogatepass"), h)
        return h

    def cps(s):
        return " ".join("%X" % ord(x) for x in s)

    checks = [
        ("PREDICATES", lambda ch: "".join("1" if m() else "0" for m in (
            ch.isalpha, ch.isdecimal, ch.isdigit, ch.isnumeric, ch.islower, ch.isupper,
            ch.istitle, ch.isspace, ch.isidentifier, ch.isprintable, ch.isalnum))),
        ("UPPER", lambda ch: cps(ch.upper())),
        ("LOWER", lambda ch: cps(ch.lower())),
        ("TITLE", lambda ch: cps(ch.title())),
        ("CASEFOLD", lambda ch: cps(ch.casefold())),
        ("SWAPCASE", lambda ch: cps(ch.swapcase())),
        ("VALUES", lambda ch: "%d %d %r" % (unicodedata.decimal(ch, -1), unicodedata.digit(ch, -1),
                                           unicodedata.numeric(ch, -1.0))),
        ("NAMES", lambda ch: unicodedata.name(ch, "")),
        ("PROPERTIES", lambda ch: "%s %s %s %d %d" % (unicodedata.category(ch), unicodedata.bidirectional(ch),
                                                      unicodedata.east_asian_width(ch), unicodedata.combining(ch),
                                                      unicodedata.mirrored(ch))),
    ]
    lines = ["// @generated by gen/gen_unicode.py from CPython 3.11 (Unicode 14.0.0). Do not edit.",
             "//! CRC-32 of per-code-point property lines, recomputed by the tests through our tables.",
             ""]
    for name, fn in checks:
        lines.append(f"pub(super) const {name}: u32 = 0x{crc(fn):08X};")
    with open(CHECKS, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"shift={shift} records={len(records)} index1={len(index1)} index2={len(index2)} "
          f"ext={len(ext)} numeric={len(numeric_values)}")


main()
