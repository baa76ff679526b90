#!/usr/bin/env python3
"""Regenerates crates/vm/src/format/tests_data.rs (expected results of format(), str.format
template parsing and %-formatting, as CPython 3.11 computes them) and
crates/vm/src/format/decimal_table.rs (the Unicode 14.0 decimal digits CPython accepts in widths,
precisions and field indexes).

Run from the repository root with CPython 3.11:  python3 crates/vm/gen/format_cases.py
Random differential cases (not checked in):  python3 crates/vm/gen/format_cases.py --random N FILE [SEED]
"""

import _string
import math
import random
import os
import struct
import sys
import unicodedata

FORMAT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "format")
OUT = os.path.join(FORMAT_DIR, "tests_data.rs")
DECIMAL_OUT = os.path.join(FORMAT_DIR, "decimal_table.rs")

# Separators of the encoded expectations (never in test strings).
ITEM, PART, NONE = "\x01", "\x02", "\x03"


def rs(s):
    """A Rust string literal for s."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif 32 <= o < 127:
            out.append(ch)
        else:
            out.append("\\u{%x}" % o)
    out.append('"')
    return "".join(out)


def outcome(f):
    try:
        return "ok:" + f()
    except Exception as e:  # the exception type and message are the expectation
        return "%s: %s" % (type(e).__name__, e)


def fbits(x):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


INTS = [0, 1, -1, 7, -7, 42, 255, -255, 65, 1234567, -1234567, 10**20, -(10**25), 2**64, 0x10FFFF, 0x110000,
        2**53 + 1, 2**80 + 2**27 + 1, 10**308 * 2]
INT_SPECS = ["", "d", "b", "o", "x", "X", "n", "c", "#b", "#o", "#x", "#X", "+d", " d", "-d", "10", "<10", "^10",
             ">10", "=10", "010", "+010", "#010x", "#010b", "*^12", "x<8", "0=12", ",", "_", "010,", "015_", "_x",
             "_b", "_o", "#_x", "#012_x", "e", ".3e", "f", ".2f", "%", "g", "G", "E", "F", ".2%", "+.1e", ",.2f",
             "z", ".1", "q", "+c", "#c", ",c", "_c", "10c", "<5c", "05c", ",,", "__", ",_", "_,", ",n", ".", "..",
             "xx", ".2147483648", "\u00e9", ",\x05", "-z", "zd", "z.2f", " 12,", "=+10", "0<5", "^", "\x7f",
             "1" * 20, "9223372036854775807", "010.3x", "<<", "#", "+#x", " #o", "-#b", "10_d", "020,d", "#020_b",
             ",x", "_n", "=^10", "é<6", "\U0001f600^7d", ".0%", "#.0e", "\u0661\u0660",
             ".\u0661", "\U0001D7CF\U0001D7CE", "\x00", ",\x00"]
FLOATS = [0.0, -0.0, 1.0, -1.0, 1.5, 2.5, 0.1, 1 / 3, 123.456, -123.456, 1e16, 1e17, 1e-5, 1.5e-7, 1e100,
          1.7976931348623157e308, 5e-324, math.inf, -math.inf, math.nan, 12345678.9, 0.5, 9.995, 999999.5,
          123456789.0, 1e22, 2.0**53, 0.000123, -1e-10, 0.125, 1e15, 9.5, 0.05, 2**-1074 * 3, 1e-4, 9999999999999998.0]
FLOAT_SPECS = ["", "e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".10", ".17", "#", "#.0", "#.3",
               ".0e", ".0f", "#.0f", "#.0e", ".3g", "#.3g", "#g", ".0g", "#.0g", "10.2f", "<12.3e", "^15",
               "=+12.2f", "012.3f", "+", "-", " ", ",", "_", ",.2f", "_.3f", "015,.2f", "z", "z.1f", "z.0f",
               "z.2e", "zg", ".2%", "#.0%", "010", "x^20.4e", ".50f", ".30e", ".20g", "d", "s", ".2147483648f",
               ".20", ".16", "#.1", "+.0e", " .2f", ",g", ",e", "_%", "010.1%", ".1n", ",n", "c", "x", "#x",
               "020,", "0=+15,.1f", "*<+12.3E", "12", ".25", "#.17", ".12g", ".4e", "z.3",
               "\u0661\u0660.\u0662f", "\x00", "5\x00", ",\x00"]
COMPLEXES = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.5j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
             complex(math.inf, math.nan), 1e20 + 1e-20j, 123456.789 + 9876.5j, complex(-1e-9, 1e-9)]
COMPLEX_SPECS = ["", "e", "f", "g", "n", ".2", ".2f", "#", "#.0f", "+", "-", " ", ">20", "<20", "^20",
                 "x^30.3f", ",", "_.2f", "z", "z.1f", "0", "05", "=10", "0<5", "%", "c", "d", "E", "F", "G",
                 ".3e", "20,.2f", "+.1g", "#g", "#", "z.0f", "+z.0f", ".0", ".17", "#.3", "<", "\x00", "5\x00", ",\x00"]
STRS = ["", "a", "abc", "h\u00e9llo", "\u65e5\u672c\u8a9e", "xxxxxxxx"]
STR_SPECS = ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", ".2", ".0", "10.2", "=5", "+", "-", " ", "#", "z",
             "05", "0<5", "d", ",", "_", "x", "3s", ".10s", "\u00e9>6", "\U0001f600^5", "^", "<<5", "xx", "..",
             ".2147483648", "1" * 20, "^0", "<.1", "\u0661\u0660", ".\u0662", "\x00", "5\x00",
             ",\x00"]


def spec_cases():
    rows = []
    for v in INTS:
        for s in INT_SPECS:
            rows.append(("int", str(v), s, outcome(lambda: format(v, s))))
    for v in FLOATS:
        for s in FLOAT_SPECS:
            rows.append(("float", fbits(v), s, outcome(lambda: format(v, s))))
    for v in COMPLEXES:
        for s in COMPLEX_SPECS:
            rows.append(("complex", fbits(v.real) + "," + fbits(v.imag), s, outcome(lambda: format(v, s))))
    for v in STRS:
        for s in STR_SPECS:
            rows.append(("str", v, s, outcome(lambda: format(v, s))))
    return rows


def float_kind_cases():
    """PyOS_double_to_string through %-formatting and repr."""
    rows = []
    for v in FLOATS:
        for conv in "eEfFgG":
            for flags in ["", "#"]:
                for prec in [None, 0, 1, 3, 17]:
                    fmt = "%" + flags + ("" if prec is None else "." + str(prec)) + conv
                    rows.append((fbits(v), fmt, outcome(lambda: fmt % v)))
        rows.append((fbits(v), "repr", outcome(lambda: repr(v))))
    # Seeded random doubles: raw bit patterns and short decimals (ties in shortest repr).
    rng = random.Random(3011)
    extra = [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(250)]
    extra += [float("%d.%de%d" % (rng.randrange(1, 1000), rng.randrange(1000), rng.randrange(-30, 30)))
              for _ in range(250)]
    extra += [rng.randrange(1, 10**6) / 2**rng.randrange(1, 20) for _ in range(100)]
    for i, v in enumerate(extra):
        if math.isnan(v):
            continue
        rows.append((fbits(v), "repr", outcome(lambda: repr(v))))
        fixed = ["%f", "%.0f", "%.1f"] if i >= 250 else []  # keeps the file small: no 300-digit %f
        for fmt in ["%.17g", "%.3e", "%#g", "%.12g", "%.2e"] + fixed:
            rows.append((fbits(v), fmt, outcome(lambda: fmt % v)))
    return rows


TEMPLATES = ["", "abc", "{", "}", "a{", "a}", "{{", "}}", "a{{b}}c", "{0!r", "{!}", "{!r", "{!rr}", "{!r:}",
             "{0!}", "{0:{1}}", "{a[}]}", "{a[]}", "{a[x}", "{a]}", "{a[0]x}", "{a.}", "{a..b}", "{.b}", "{[0]}",
             "{0[1][a].b}", "{0[-1]}", "{a{}", "{0:{}", "{0:}}", "{:{:{}}}", "{0}{}", "{}{0}", "{!x}",
             "{0!r:x}", "{:}", "{ }", "{0[}", "{0.a[b}", "{0[b]", "{0:{a}b{c}}", "{0!a:}}}", "{!ab}",
             "{0:a{b]}}", "{0.a{b}}", "{a!r!s}", "{a:x!r}", "{0[a!b]}", "{0[a:b]}", "{0[a}b]}", "{!",
             "{0", "x{0}y{1:>{2}}z", "\u00e9{\u00e9:\u00e9}\u00e9", "{0!r}}}{{", "{}}", "{{}", "a{0}b{1}c",
             "{0:{{}}}", "{!:}", "{0!\u00e9}", "{[}", "{a[b]c]}"]
FIELD_NAMES = ["a.b[0][x]", "0.a", "", "[0]", ".a", "0[1]x", "a[", "a[]", "a.", "99999999999999999999",
               "a[99999999999999999999]", "a[-1]", "a[ 1]", "a.b.c", "a[0]]", "1a", "12", "0[0][1].x",
               "a[b.c]", "a[[]", "x.y[", "\u00e9[\u00e9]", "a]", "0x", "[]", "..", "a[1]b", "\u0661",
               "a[\u0661\u0662]", "\U0001D7CE.x", "\u0661a"]


def opt(x):
    return NONE if x is None else x


def template_cases():
    rows = []
    for t in TEMPLATES:
        def parse():
            items = list(_string.formatter_parser(t))
            return ITEM.join(PART.join(opt(x) for x in item) for item in items)
        rows.append((t, outcome(parse)))
    return rows


def field_cases():
    rows = []
    for n in FIELD_NAMES:
        def split():
            first, rest = _string.formatter_field_name_split(n)
            parts = [("i" + str(first)) if isinstance(first, int) else ("s" + first)]
            for is_attr, key in rest:
                parts.append(("." if is_attr else "[") + (("i" + str(key)) if isinstance(key, int) else ("s" + key)))
            return ITEM.join(parts)
        rows.append((n, outcome(split)))
    return rows


# %-formatting: templates applied to argument tuples or dicts of ints, floats and strs.
PERCENT = [
    ("%", ()), ("%y", 1), ("ab%y", 1), ("%(a", {}), ("%(a)", {"a": 1}), ("%\u00e9", 1), ("%\x01", 1),
    ("%-", 1), ("%5", 1), ("%.", 1), ("%.5", 1), ("%(a)d", 1), ("%*d", (1,)), ("%*d", ("a", 1)),
    ("%hd", 1), ("%ld", 1), ("%Ld", 1), ("%lld", 1), ("%5%", ()), ("%-#+ 05.3x", 255), ("%#o", 8),
    ("%#x", -255), ("%#X", 255), ("%.5d", -3), ("%+.5d", 3), ("%010.5d", -3), ("% d", 3), ("%-5d|", 3),
    ("%05d", -3), ("%#.0f", 1.0), ("%#g", 1.0), ("%g", 1e20), ("%e", 1.0), ("%c", 65), ("%c", "a"),
    ("%5c", 65), ("%-5c|", 65), ("%05c", 65), ("%s", 1), ("%s", 1.5), ("%i %u", (1, 2)), ("%d", 3.7),
    ("%x", 3.7), ("%f", 1), ("%.0e", 12345), ("%#.0e", 12345), ("%(a)s %(b)s", {"a": 1, "b": 2}),
    ("%*.*f", (10, 2, 3.14159)), ("%*d", (-5, 1)), ("%.*f", (-5, 1.5)), ("%(a)*d", {}), ("%d %d", 1),
    ("%d", (1, 2)), ("%c", 0x110000), ("%c", -1), ("%c", "ab"), ("%.3s", "abcdef"), ("%#5x", 0),
    ("%#.3o", 8), ("%+#x", 0), ("%10.4f", -0.0), ("%z", 1), ("%05s", 1), ("%F", math.inf),
    ("%010f", math.nan), ("%-010f|", math.inf), ("%E", 1e-10), ("%G", 1e-10), ("%.100f", 1.0),
    ("%(a", 5), ("%*", ()), ("%*y", ("a",)), ("%*y", (1,)), ("%.*", (1,)), ("%(a)y", {}),
    ("%(a)y", {"a": 1}), ("%(a)*y", {"a": 1}), ("%5(a)d", {"a": 1}), ("%d %", ()), ("%(a)d %d", {"a": 1}),
    ("%d %(a)d", (1,)), ("%s %s", {}), ("%((a))s", {"(a)": 1}), ("%", {}), ("%-(a)s", {"a": 1}),
    ("%5*d", (1, 2)), ("%**d", (1, 2)), ("%1234567890123456789012d", 1), ("%.1234567890123456789012d", 1),
    ("%.2147483648d", 1), ("%.2147483647s", ""), ("%-*d", (-3, 1)), ("%%", ()), ("%5.3%", ()),
    ("%s%%", 1), ("%(a)%", {}), ("%lh d", 1), ("%5%", (1,)), ("%\x7f", 1), ("%\x1f", 1), ("%~", 1),
    ("%(a)5", {"a": 1}), ("%b", 1), ("a%sb%sc", ("x", "y")), ("%-+08.3f|", 3.14159), ("% 08.3e", -3.14159),
    ("%+g", 0.0), ("%+g", -0.0), ("%#x", 10**20), ("%o", -8), ("%.3x", 10), ("%x", 2**70),
    ("%d", 10**30), ("%s", "\u00e9\u00e9"), ("%5s|", "\u00e9"), ("%#.3g", 1.0), ("%.0g", 0.0001),
    ("%10.3G", 1e-20), ("%#o", 0), ("%r", 5), ("%a", 5), ("%i", True), ("%%%s", 1), ("%s %", (1,)),
    ("%\u0661d", 1), ("%.\u0661d", 1),
]


# str.format calls, all with these arguments (the Rust driver knows them).
FORMAT_ARGS = (10, 2.5, "abc", "xyz")
FORMAT_KWARGS = {"w": 8, "s": "hi"}
FORMAT_CALLS = ["{}", "{0}{1}", "{}{}{}{}{}", "{5}", "{q}", "{w}", "{:{w}}", "{:{}}", "{0:{1}}", "{:{:{}}}",
                "{0:{1:{2}}}", "{2[1]}", "{2[5]}", "{0.real}", "{0.x}", "{s!r:>{w}}", "{0!s:^{w}}", "{!r}{!a}",
                "{2!x}", "{0:{}}", "{:{}}{}", "{0}{:{}}", "{w:{}}", "{:{w}.{w}}", "{1:{0}.3f}", "{2:{3}}",
                "{0:x}{0:#b}", "{1:%}", "{s:{s}}", "{2:{}{}}", "{0[0]}", "{2[0]x}", "{2[}", "{0:{1]}}",
                "{0:{{}}}", "{:{}d}", "{!r:{}}", "a{{{0}}}b", "{2!\u00e9}", "{w:{w}{w}}", "{2:>{0}}|{3:<{w}}|",
                "{:}{:}", "{2[}]}", "{0:{w}d}{1:{w}.2e}"]


def format_call_cases():
    rows = []
    for t in FORMAT_CALLS:
        rows.append((t, outcome(lambda: t.format(*FORMAT_ARGS, **FORMAT_KWARGS))))
    return rows


def arg_text(v):
    if isinstance(v, bool):
        return "i" + str(int(v))
    if isinstance(v, int):
        return "i" + str(v)
    if isinstance(v, float):
        return "f" + fbits(v)
    return "s" + v


def percent_cases():
    rows = []
    for fmt, args in PERCENT:
        if isinstance(args, dict):
            enc = "m" + ITEM.join(k + PART + arg_text(v) for k, v in args.items())
        elif isinstance(args, tuple):
            enc = "t" + ITEM.join(arg_text(v) for v in args)
        else:
            enc = "1" + arg_text(args)
        rows.append((fmt, enc, outcome(lambda: fmt % args)))
    return rows


def write_decimal_table():
    zeros = [c for c in range(0x110000) if unicodedata.decimal(chr(c), None) == 0]
    # Decimal digits come in runs of ten, zero first.
    assert all(unicodedata.decimal(chr(z + i), None) == i for z in zeros for i in range(10))
    count = sum(1 for c in range(0x110000) if unicodedata.decimal(chr(c), None) is not None)
    assert count == 10 * len(zeros)
    lines = ["// @generated by crates/vm/gen/format_cases.py from Unicode %s: do not edit.\n"
             % unicodedata.unidata_version,
             "//! The code points of the Unicode digit zeros (category Nd): each starts a run 0..9.\n\n",
             "/// The zeros of all decimal digit runs, ascending.\n",
             "pub(super) const DECIMAL_ZEROS: [u32; %d] = [\n" % len(zeros)]
    for i in range(0, len(zeros), 8):
        lines.append("    " + " ".join("0x%04X," % z for z in zeros[i:i + 8]) + "\n")
    lines.append("];\n")
    with open(DECIMAL_OUT, "w", encoding="utf-8") as f:
        f.write("".join(lines))


def main():
    assert sys.version_info[:2] == (3, 11), "the expectations are CPython 3.11's"
    write_decimal_table()
    out = ["// @generated by crates/vm/gen/format_cases.py from CPython %d.%d.%d: do not edit.\n"
           % sys.version_info[:3],
           "//! Expected results of format(), template parsing and %-formatting, from CPython.\n\n"]
    out.append("/// (type, value, spec, expected): ints in decimal, floats as bit patterns, \"ok:\" or "
               "\"Exception: message\".\npub(super) const SPEC_CASES: &[(&str, &str, &str, &str)] = &[\n")
    for row in spec_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n\n/// (float bits, %-format or \"repr\", expected).\n"
               "pub(super) const FLOAT_CASES: &[(&str, &str, &str)] = &[\n")
    for row in float_kind_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n\n/// (template, formatter_parser items: \\x01 between items, \\x02 between parts, "
               "\\x03 for None).\npub(super) const TEMPLATE_CASES: &[(&str, &str)] = &[\n")
    for row in template_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n\n/// (field name, formatter_field_name_split: first then accessors, \\x01 between).\n"
               "pub(super) const FIELD_CASES: &[(&str, &str)] = &[\n")
    for row in field_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n\n/// (template, expected) of template.format(10, 2.5, 'abc', 'xyz', w=8, s='hi').\n"
               "pub(super) const FORMAT_CALL_CASES: &[(&str, &str)] = &[\n")
    for row in format_call_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n\n/// (template, arguments, expected): arguments are \"t\" + a tuple, \"m\" + a dict or "
               "\"1\" + one value; values are i/f/s + text.\npub(super) const PERCENT_CASES: "
               "&[(&str, &str, &str)] = &[\n")
    for row in percent_cases():
        out.append("    (%s),\n" % ", ".join(rs(x) for x in row))
    out.append("];\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("".join(out))


def random_spec(rng):
    """A random, mostly well-formed format spec."""
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(["", "*", "0", "x", "\u00e9", " "]) + rng.choice("<>^="))
    parts.append(rng.choice(["", "", "+", "-", " "]))
    parts.append(rng.choice(["", "", "", "z"]))
    parts.append(rng.choice(["", "", "#"]))
    parts.append(rng.choice(["", "", "0"]))
    parts.append(rng.choice(["", "", "1", "5", "12", "25"]))
    parts.append(rng.choice(["", "", "", ",", "_"]))
    parts.append(rng.choice(["", "", ".0", ".1", ".3", ".8", ".17", ".25"]))
    parts.append(rng.choice(["", "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s"]))
    return "".join(parts)


def random_value(rng, kind):
    if kind == "int":
        return rng.choice([rng.randrange(-300, 300), rng.randrange(-10**30, 10**30), rng.getrandbits(70)])
    f = lambda: rng.choice([struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0],
                            rng.uniform(-1e6, 1e6), rng.randrange(-10**6, 10**6) / 8, 0.0, -0.0,
                            float("%d.%de%d" % (rng.randrange(10), rng.randrange(100), rng.randrange(-20, 20)))])
    if kind == "float":
        return f()
    if kind == "complex":
        return complex(f(), f())
    return "".join(rng.choice("ab\u00e9\u65e5") for _ in range(rng.randrange(6)))


def write_random(count, path, seed):
    """Random format() cases, one per line: kind, value, spec, expected as hex of UTF-8, tab-separated
    (for the ignored test random_spec_cases: FORMAT_RANDOM_CASES=path cargo test ... -- --ignored)."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        for _ in range(count):
            kind = rng.choice(["int", "float", "complex", "str", "percent", "template", "field"])
            if kind in ("template", "field"):
                text = "".join(rng.choice("{}{}[]!:.0a1rs\u00e9") for _ in range(rng.randrange(12)))
                if kind == "template":
                    def parse():
                        items = list(_string.formatter_parser(text))
                        return ITEM.join(PART.join(opt(x) for x in item) for item in items)
                else:
                    text = text.replace("{", "").replace("}", "")

                    def parse():
                        first, rest = _string.formatter_field_name_split(text)
                        parts = [("i" + str(first)) if isinstance(first, int) else ("s" + first)]
                        for is_attr, key in rest:
                            parts.append(("." if is_attr else "[")
                                         + (("i" + str(key)) if isinstance(key, int) else ("s" + key)))
                        return ITEM.join(parts)
                row = (kind, "", text, outcome(parse))
                f.write("\t".join(x.encode().hex() for x in row) + "\n")
                continue
            if kind == "percent":
                flags = "".join(rng.choice(["", "", "-", "+", " ", "#", "0"]) for _ in range(2))
                fmt = "%" + flags + rng.choice(["", "", "3", "12", "*"]) + rng.choice(["", "", ".0", ".2", ".15", ".*"])
                fmt += rng.choice("diouxXeEfFgGcsr")
                args = [rng.randrange(0, 30)] if "*" in fmt.split(".")[0] else []
                if ".*" in fmt:
                    args.append(rng.randrange(-3, 20))
                args.append(random_value(rng, rng.choice(["int", "float"])))
                if fmt[-1] == "c":
                    args[-1] = rng.randrange(0x20, 0x3000)
                enc = "t" + ITEM.join(arg_text(a) for a in args)
                row = ("percent", enc, fmt, outcome(lambda: fmt % tuple(args)))
                f.write("\t".join(x.encode().hex() for x in row) + "\n")
                continue
            v = random_value(rng, kind)
            s = random_spec(rng)
            if kind == "int":
                enc = str(v)
            elif kind == "float":
                enc = fbits(v)
            elif kind == "complex":
                enc = fbits(v.real) + "," + fbits(v.imag)
            else:
                enc = v
            row = (kind, enc, s, outcome(lambda: format(v, s)))
            f.write("\t".join(x.encode().hex() for x in row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--random":
        write_random(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 1)
    else:
        main()
