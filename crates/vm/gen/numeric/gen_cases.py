#!/usr/bin/env python3
"""Regenerates crates/vm/src/numeric/testdata/cases.txt from CPython 3.11 (the behaviour oracle).

Run from the repository root:  python3 crates/vm/gen/numeric/gen_cases.py

Each line is:  name <TAB> arg... <TAB> => <TAB> result...
Values are typed tokens: i:<decimal int>, f:<16 hex digits of the float's bits>, b:0|1, s:<hex of UTF-8>,
y:<hex of bytes>, n (None), c (a complex result). An error result is  !<ExceptionType> <TAB> <hex of message>.
"""

import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the expected values must come from CPython 3.11"

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "numeric", "testdata", "cases.txt")
rng = random.Random(20261204)
lines = []


def tok(v):
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        # Recording a result must not hit the str-digits limit that the cases themselves exercise.
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return "i:%d" % v
        finally:
            sys.set_int_max_str_digits(limit)
    if isinstance(v, float):
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, str):
        return "s:" + v.encode("utf-8").hex()
    if isinstance(v, bytes):
        return "y:" + v.hex()
    if v is None:
        return "n"
    if isinstance(v, complex):
        return "c"
    raise TypeError(v)


def flat(v):
    if isinstance(v, tuple):
        out = []
        for x in v:
            out.extend(flat(x))
        return out
    return [tok(v)]


def case(name, fn, *args):
    try:
        res = flat(fn(*args))
    except (ArithmeticError, ValueError, TypeError, MemoryError) as e:
        res = ["!" + type(e).__name__, str(e).encode("utf-8").hex()]
    lines.append("\t".join([name] + [t for a in args for t in flat(a)] + ["=>"] + res))


SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 1.5, -1.5, 2.5, 0.1, 1e-300, 5e-324, -5e-324,
                  2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e16, 2.0**52 + 0.5,
                  2.0**53, 2.0**63, 1e300, 1e22, 710.0, -745.5, 0.9999999999999999, 1.0000000000000002,
                  math.pi, math.e, math.inf, -math.inf, math.nan, 100.0, -100.5, 1e-20, 171.5, -171.5, 200.5]


def rand_float():
    k = rng.random()
    if k < 0.3:
        return rng.uniform(-10, 10)
    if k < 0.5:
        return rng.uniform(-1, 1)
    if k < 0.8:
        return rng.uniform(-1, 1) * 10.0 ** rng.randint(-320, 308)
    return float(rng.randint(-1000, 1000)) / rng.choice([1, 2, 4, 8, 10, 3])


FLOATS = SPECIAL_FLOATS + [rand_float() for _ in range(60)]

SPECIAL_INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 2**31, -2**31, 2**53 - 1, 2**53, 2**53 + 1, -(2**53 + 1), 2**63 - 1,
                -2**63, 2**63, 2**64 + 1, 10**20, -10**20, 2**1023, 2**1024, -2**1024, 2**1024 - 2**970,
                2**1024 - 2**971, 2**1024 - 2**970 - 1, 10**400, -10**400, 3**200]


def rand_int():
    k = rng.random()
    if k < 0.3:
        return rng.randint(-100, 100)
    if k < 0.6:
        return rng.randint(-2**64, 2**64)
    return rng.randint(-2**300, 2**300)


INTS = SPECIAL_INTS + [rand_int() for _ in range(30)]

def fpow(a, b):
    """float ** float, any complex result (including its overflow) being the caller's business."""
    try:
        return a ** b
    except OverflowError as e:
        if str(e) == "complex exponentiation":
            return 1j
        raise


# ---- int ----
pairs = [(a, b) for a in SPECIAL_INTS[:12] for b in SPECIAL_INTS[:12]]
pairs += [(rand_int(), rand_int()) for _ in range(150)]
pairs += [(rand_int(), rng.choice([1, -1, 3, 10, 2**70, -2**70])) for _ in range(40)]
pairs += [(2**1100 + 1, 2**76), (1, 2**1075), (3, 2**1076), (-1, 2**1100), (2**1024, 2), (2**1024, 1),
          (10**400, 10**380), (2**54 + 1, 2), (2**54 + 3, 2), (2**2000 + 2**1000, 2**1100), (7, 10**330)]
for a, b in pairs:
    case("int_floordiv", lambda a, b: a // b, a, b)
    case("int_mod", lambda a, b: a % b, a, b)
    case("int_divmod", divmod, a, b)
    case("int_truediv", lambda a, b: a / b, a, b)
    case("int_and", lambda a, b: a & b, a, b)
    case("int_or", lambda a, b: a | b, a, b)
    case("int_xor", lambda a, b: a ^ b, a, b)
    case("int_gcd", math.gcd, a, b)
    case("int_lcm", math.lcm, a, b)
for a in INTS:
    case("int_to_float", float, a)
    case("int_invert", lambda a: ~a, a)
    case("int_bit_length", int.bit_length, a)
    case("int_bit_count", int.bit_count, a)
    case("int_str", str, a)
    case("int_bin", bin, a)
    case("int_oct", oct, a)
    case("int_hex", hex, a)
    case("int_isqrt", math.isqrt, a)
    for nd in [-1, -2, -5, -20, -400, 3]:
        case("int_round", round, a, nd)
    for shift in [0, 1, 5, 64, 100, 1000, -1, 2**70]:
        case("int_rshift", lambda a, s: a >> s, a, shift)
        if shift < 2000:
            case("int_lshift", lambda a, s: a << s, a, shift)
    for f in (math.log, math.log2, math.log10):
        case("int_" + f.__name__, f, a)
    case("int_log_base", math.log, a, 10)
    case("int_log_base", math.log, a, 2**1100)
    for x in [0.0, 0.5, 1.0, -1.0, 1e300, float(a) if abs(a) < 2**1000 else 1e300, math.inf, -math.inf, math.nan]:
        case("int_cmp_float", lambda a, x: (a < x, a == x, a > x), a, x)
    for length in [0, 1, 8, 20, -1] if abs(a) < 2**300 else [0, 140]:
        for signed in (False, True):
            case("int_to_bytes", lambda a, l, s: a.to_bytes(l, "big", signed=s), a, length, signed)
            case("int_to_bytes_le", lambda a, l, s: a.to_bytes(l, "little", signed=s), a, length, signed)
for a in [10**639, 10**640, -10**4299, 10**4299, 10**4300, -10**4300, 10**5000, 2**14285, 2**14300]:
    case("int_str", str, a)
for a, b in [(2**53 + 1, 2**53), (2**1024 - 1, 2**1023)]:
    case("int_cmp_float", lambda a, x: (a < x, a == x, a > x), a, float(b))
for blob in [b"", b"\x00", b"\xff", b"\x80\x00", b"\x00\x80", b"\x01\x02\x03", bytes(range(256))]:
    for signed in (False, True):
        case("int_from_bytes", lambda b, s: int.from_bytes(b, "big", signed=s), blob, signed)
        case("int_from_bytes_le", lambda b, s: int.from_bytes(b, "little", signed=s), blob, signed)
for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**64 + 1, 7**50]:
    for b in [0, 1, 2, 3, 10, 64, -1, -2, -3]:
        case("int_pow", pow, a, b)
        for m in [0, 1, -1, 7, -7, 10, 2**64 - 59, -(2**61 - 1)]:
            case("int_pow_mod", pow, a, b, m)
for n in [0, 1, 2, 5, 20, 21, 100, 1000, -1, 2**63, 2**64]:
    case("int_factorial", math.factorial, n)
for n in [0, 1, 5, 10, 100, 10**20, -1, 2**70]:
    for k in [0, 1, 2, 3, 10, 50, -1, 2**69, 2**70 - 1]:
        if n >= 0 and k >= 0 and min(k, n - k) > 10**6 and n < 2**64:
            continue
        case("int_comb", math.comb, n, k)
        case("int_perm", math.perm, n, k)

# ---- int parsing ----
INT_TEXTS = ["0", "-0", "+7", " 12 ", "\t-12\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "-0x_1f", "0x__1", "0b101",
             "0o17", "0O17", "010", "00", "0_0", "0b", "0x", "", " ", "-", "+-1", "- 1", "1 1", "12a", "z", "Z",
             "0_x1", "1\x0b", "\x0c1", "1\x1c", "9" * 30, "-" + "7" * 50, "1" * 640, "1" * 4300, "1" * 4301,
             "1_" * 4300 + "1", "1" * 5000 + "x", "1" * 5000 + "__1", "f" * 700, "0x" + "f" * 700, "é", "1é",
             "helloworld", "0b2", "0o8", "0x0g", "36", "zz", "ZZ", "0b_1_0", "1.5"]
for text in INT_TEXTS:
    for base in ([0, 2, 8, 10, 16, 36, 37, 1, -1] if len(text) < 100 else [0, 10, 16]):
        case("parse_int", int, text, base)

FLOAT_TEXTS = ["0", "-0", "1.5", " 1.5 ", "\t-2.5e-3\n", ".5", "5.", ".", "e5", "1e", "1e+", "1e5", "1E-5", "+.5e+5",
               "inf", "-inf", "+InFiNiTy", "infinity", "infinit", "nan", "-nan", "NaN", "nanx", "in", "1_0", "1__0",
               "_1", "1_", "1_.5", "1._5", "1e1_0", "1_e5", "1_000.000_1", "0x10", "1d5", "1.2.3", "", " ", "-",
               "1e400", "-1e400", "1e-400", "2.4703282292062328e-324", "2.4703282292062327e-324",
               "1.7976931348623158e308", "1.7976931348623159e308", "0.1", "9007199254740993",
               "123456789012345678901234567890", "1" * 800 + "e-790", "0." + "0" * 400 + "1", "é", "1é",
               "\x1c1.5", "1.5\x1c", "++1", "1e99999999999999999999", "0e99999999999999999999"]
for text in FLOAT_TEXTS:
    case("parse_float", float, text)

# ---- float ----
fpairs = [(a, b) for a in SPECIAL_FLOATS[::2] for b in SPECIAL_FLOATS[::3]]
fpairs += [(rand_float(), rand_float()) for _ in range(150)]
fpairs += [(rng.uniform(-10, 10), rng.choice([0.5, -0.5, 3.0, -3.0, 0.1, 1e-300])) for _ in range(40)]
for a, b in fpairs:
    case("float_floordiv", lambda a, b: a // b, a, b)
    case("float_mod", lambda a, b: a % b, a, b)
    case("float_divmod", divmod, a, b)
    case("float_pow", fpow, a, b)
    case("math_pow", math.pow, a, b)
    case("math_fmod", math.fmod, a, b)
    case("math_remainder", math.remainder, a, b)
    case("math_atan2", math.atan2, a, b)
    case("math_copysign", math.copysign, a, b)
    case("math_nextafter", math.nextafter, a, b)
    case("math_hypot", math.hypot, a, b)
    case("math_isclose", math.isclose, a, b)
    case("math_log_base", math.log, a, b)
for a, b in [(-8.0, 1 / 3), (-1.0, 0.5), (0.0, -1.0), (-0.0, -3.0), (1e308, 2.0), (-1e308, 3.0), (2.0, 10000.0),
             (-2.0, 1025.0), (0.5, -2000.0), (-0.5, -2001.0), (1.0, math.nan), (math.nan, 0.0), (-1.0, math.inf),
             (-math.inf, 3.0), (-math.inf, -3.0), (-math.inf, 2.0), (0.0, -math.inf), (10.0, 1.0), (10.0, 0.5)]:
    case("float_pow", fpow, a, b)
    case("math_pow", math.pow, a, b)
    case("math_log_base", math.log, a, b)
for x in FLOATS + [2.675, 0.125, 0.375, 2.5, -2.5, 0.5, 1.5, 12345.6789, 1e15 + 0.5, 5e-5, 0.285, 1.005]:
    case("float_round0", round, x)
    for nd in [0, 1, 2, 3, 5, 15, 17, 300, 323, 324, -1, -2, -5, -307, -308, -309]:
        case("float_round", round, x, nd)
    case("float_hex", float.hex, x)
    case("float_as_integer_ratio", float.as_integer_ratio, x)
    case("float_is_integer", float.is_integer, x)
    case("float_trunc", math.trunc, x)
    case("math_floor", math.floor, x)
    case("math_ceil", math.ceil, x)
    for name in ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf", "erfc", "exp",
                 "exp2", "expm1", "fabs", "gamma", "lgamma", "log1p", "sin", "sinh", "sqrt", "tan", "tanh", "log",
                 "log2", "log10", "degrees", "radians", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp"]:
        case("math_" + name, getattr(math, name), x)
    for e in [0, 1, -1, 1000, -1000, -1074, -1080, 2000, 2**70, -2**70]:
        case("math_ldexp", math.ldexp, x, e)
for x in [rng.uniform(-180, 180) for _ in range(30)] + [rng.uniform(0.01, 180) for _ in range(40)]:
    case("math_gamma", math.gamma, x)
    case("math_lgamma", math.lgamma, x)
    case("math_erf", math.erf, x / 30)
    case("math_erfc", math.erfc, x / 30)
for x in [1.0, 1.5, 1.0000000000000002, 2.0**60, 1e-300, 5e-324]:
    case("float_round", round, 1.7e308, -308)

HEX_TEXTS = ["0x1p0", "0x1.8p1", "-0x1.8p1", " 0x1p-1074 ", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076",
             "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x1p1024", "0x1p99999", "0x1p-99999",
             "0x1p99999999999999999999", "0x0p99999999999999999999", "1e5", "0x", "0x.p1", "0x.8", "0x1.",
             "0x1p", "0x1p+", "inf", "-Infinity", "nan", "-nan", "infinit", "x", "", "0xg", "0x1 p1", "ff",
             "0X1P-2", "+0x1p3", "0x0.0000000000001p-1022", "0x1.0000000000000800000000001p0",
             "0x1.00000000000008p0", "0x1.00000000000018p0", "0x" + "f" * 300 + "p-1200", "0x1_0p0", "0x1p1.5"]
for text in HEX_TEXTS:
    case("float_fromhex", float.fromhex, text)

# ---- math on sequences ----
SEQS = [[], [1.0], [1e308, 1e308], [1e308, -1e308, 1e308], [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
        [0.1] * 10, [1e-16, 1.0, 1e16], [math.inf, 1.0], [math.inf, -math.inf], [math.nan, 1.0], [math.inf, math.nan],
        [2.0**53, -0.5, -2.0**-54], [2.0**53, 1.0, 2.0**-100], [-0.0, -0.0], [-0.0, 0.0], [3.0, 4.0], [3.0, 4.0, 12.0],
        [5e-324, 5e-324], [1e-310, 3e-310, 2e-310]]
SEQS += [[rand_float() for _ in range(rng.randint(2, 12))] for _ in range(40)]
SEQS += [[rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(rng.randint(2, 30))] for _ in range(40)]
for seq in SEQS:
    case("math_fsum", lambda *s: math.fsum(s), *seq)
    case("math_hypot", math.hypot, *seq)
    half = len(seq) // 2
    case("math_dist", lambda *s: math.dist(s[:half], s[half:2 * half]), *seq)
case("math_dist_mismatch", lambda: math.dist((1.0,), (1.0, 2.0)))
for tol in [(1e-9, 0.0), (0.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.1, 0.5)]:
    for a, b in [(1.0, 1.0 + 1e-10), (1.0, 1.1), (0.0, 1e-300), (math.inf, math.inf), (math.inf, -math.inf),
                 (math.nan, math.nan), (1e10, 1e10 + 1)]:
        case("math_isclose_tol", lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t), a, b, *tol)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print(len(lines), "cases written to", os.path.normpath(OUT))
