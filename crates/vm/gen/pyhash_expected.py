#!/usr/bin/env python3
"""Regenerates the expected-value tables of the unit tests in src/pyhash.rs.

Run from crates/vm with CPython 3.11 (64-bit): python3 gen/pyhash_expected.py
"""
import contextlib
import io
import subprocess
import sys

SEEDS = [0, 1, 42, 123456, 4294967295]
STRS = ["", "a", "abc", "hello world", "\xe9t\xe9", "\u20ac uro", "\U0001f600!", "x" * 100,
        "\xe9" * 300, "\u20ac" * 200, "\U0001f600" * 70, "\ud800 lone"]
BYTES = [b"", b"a", b"abc", b"\x00\xff" * 9]


def rust_str(s):
    return '"' + "".join(c if c.isalnum() or c == " " else "\\u{%x}" % ord(c) for c in s) + '"'


def rust_bytes(b):
    return 'b"' + "".join("\\x%02x" % c for c in b) + '"'


def strings():
    strs, byts, lone = [], [], []
    for seed in SEEDS:
        code = "import sys\nfor s in %r: print(hash(s))\nfor b in %r: print(hash(b))" % (STRS, BYTES)
        out = subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed)},
                             capture_output=True, text=True, check=True).stdout.split()
        for s, h in zip(STRS, out):
            if any(0xD800 <= ord(c) < 0xE000 for c in s):
                # Lone surrogates cannot be a Rust &str: give the UCS-2 units.
                units = ", ".join("0x%x" % ord(c) for c in s)
                lone.append("    (%d, &[%s], %s)," % (seed, units, h))
            else:
                strs.append("    (%d, %s, %s)," % (seed, rust_str(s), h))
        for b, h in zip(BYTES, out[len(STRS):]):
            byts.append("    (%d, %s, %s)," % (seed, rust_bytes(b), h))
    print("const STR_CASES: &[(u32, &str, isize)] = &[")
    print("\n".join(strs))
    print("];")
    print("const SURROGATE_CASES: &[(u32, &[u16], isize)] = &[")
    print("\n".join(lone))
    print("];")
    print("const BYTES_CASES: &[(u32, &[u8], isize)] = &[")
    print("\n".join(byts))
    print("];")


INTS = [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61), 2**63 - 1, -(2**63), 10**30, -(10**30), 2**200 + 12345, -(2**61) + 1]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 3.141592653589793, 1e300, -1e-300, 5e-324, 2.0**61, 2.0**62, 1e16, 123456789.123, float("inf"), float("-inf")]
COMPLEX = [0j, 1j, 1 + 1j, -1.5 + 2.25j, complex(1e300, -3.0), complex(float("inf"), 1), -1j]


def numbers():
    print("const INT_CASES: &[(&str, isize)] = &[")
    for i in INTS:
        print('    ("%d", %d),' % (i, hash(i)))
    print("];")
    print("const FLOAT_CASES: &[(u64, isize)] = &[")
    for f in FLOATS:
        import struct
        print("    (0x%016x, %d), // %r" % (struct.unpack("<Q", struct.pack("<d", f))[0], hash(f), f))
    print("];")
    print("const COMPLEX_CASES: &[(u64, u64, isize)] = &[")
    for c in COMPLEX:
        import struct
        b = lambda x: struct.unpack("<Q", struct.pack("<d", x))[0]
        print("    (0x%016x, 0x%016x, %d), // %r" % (b(c.real), b(c.imag), hash(c), c))
    print("];")


TUPLES = [(), (1,), (1, 2), (1, 2, 3), ((),), (-1,), (-2,), (2**61 - 1, -5, 7), tuple(range(50))]
FROZEN = [(), (1,), (1, 2), (1, 2, 3), tuple(range(100)), (-1, -2), (frozenset(),)]


def containers():
    print("const TUPLE_CASES: &[(&[isize], isize)] = &[")
    for t in TUPLES:
        print("    (&%r, %d)," % ([hash(x) for x in t], hash(t)))
    print("];")
    print("const FROZENSET_CASES: &[(&[isize], isize)] = &[")
    for t in FROZEN:
        print("    (&%r, %d)," % ([hash(x) for x in t], hash(frozenset(t))))
    print("];")


def main():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        strings()
        numbers()
        containers()
    lines = ["    " + l if l else l for l in out.getvalue().splitlines()]
    path = "src/pyhash.rs"
    text = open(path).read()
    begin = "    // BEGIN GENERATED HASH_CASES\n"
    end = "    // END GENERATED HASH_CASES\n"
    a = text.index(begin) + len(begin)
    b = text.index(end)
    open(path, "w").write(text[:a] + "\n".join(lines) + "\n" + text[b:])


if __name__ == "__main__":
    main()
