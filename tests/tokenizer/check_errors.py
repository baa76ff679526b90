"""Check the tokenizer's errors against python3's `ast.parse` on a list of
sources (CASES below), or emit them as a Rust test table.

    python3 tests/tokenizer/check_errors.py [--bin PATH] [--emit-rust | --random N [--seed S]]

`--random N` compares on N random sources instead.

`--bin` is the built `tokens` example. Only errors the tokenizer is
responsible for are compared. CPython's end offset -1 is our 0.
"""
import ast
import os
import subprocess
import sys
import tempfile

CASES = [
    # brackets
    "x = )", "x = (]", "x = (\n]", "x = [1,\n 2", "x = {", "f(\n  a,\n  b\n", "x = (\n\n", "x = (1,",
    "if x:\n  y = (\n", "x = (1 + \\\n", "(" * 201, "(" * 200, "x = (1 +\n 2 +  # c\n", "éé = )", "a = [(})]",
    "x = {\n\n\n)", "((\n)]",
    # strings
    "x = 'abc", "x = \"abc\ny=2", "x = '''abc", "x = \"\"\"abc\n\ny=2", "x = f\"abc", "x = 'abc\\\ndef",
    "x = 'abc\\\n", "x = 'ab\\'", "x = '€", "é = '€", "x = rb'a", "x = Rb'''\n\n", "x = 'a' 'b",
    # continuation
    "x=1\\\n", "x=1\\", "x = 1 + \\\n", "a \\ b", "a = 1 \\", "x=1\n\\\n", "\\\n", "if x:\n    pass\n  \\\n",
    "x = 1 \\ # c\n", "  \\ x\n", "x = 'a' \\\n\\\n",
    # indentation
    "if 1:\n  x\n y\n", "if x:\n    y\n  z\n", "if x:\n\tpass\n        pass\n", "if x:\n        pass\n\tpass\n",
    "if x:\n\ty\n    \tz\n", "x=1\n" + "".join(" " * i + "if 1:\n" for i in range(101)),
    "if 1:\n  if 2:\n    x\n   y\n", "if 1:\n\tif 2:\n\t\tx\n\t        y\n",
    # numbers
    "x = 0777", "1_a", "0x", "1.e", "0o8", "0b12", "1e+", "1__0", "1_", "0_", "09", "1jx", "x = 0x_", "x = 0x1_",
    "x = 0o", "x = 0o1_8", "x = 0b", "x = 0b2", "1.5jk", "1.5e3k", "1e_3", "0_7", "007", "0x1g", "0o7x", "0b1x",
    "1.5x", "1.x", "0x1else", "1€", "1.5e-", "x = 1e", "0b1_2", "0o1_", "0b_", "00x", "0_0_1", "é = 0777",
    "1_000_", "0e", "0.e1x", "1_000.0_", ".5_", "5.j_",
    # characters
    "x = \x01", "x = a\u200bb", "x = \u3000", "x\u00b2 = 1", "\u00b2x", "x = €", "x = a\xa0b", "\u00b7a",
    "x = \x7f", "x = 'a' \x0b", "def f€(): pass",
    # multi-line tokens before the error
    "x = '''a\nb''' \\ y", "x = '''a\nb''' + (\n", "x = '''a\nb''' + )", "s = '''\n€''' ; é €",
    "x = 1 + \\\n  2 + \\ 3", "x = (\n  1 +\n  \\ 2)", "def f():\n  x = '''\n  '''\n z\n",
    "x = 'a\\\nb\\\nc", "x = (\n'''\n''' $ )\n]", "x = '''\n''' + \\\n(", "if 1:\n  x = '''\n'''\n\ty\n",
    # whitespace
    "x = 1\n\t\x0c  y", "if 1:\n\x0c\tx\n  y\n", "if x:\n  a\n\t\tb\n", "  \\\n  x", "\x0c\\\n  x",
    "if 1:\n        x\n\ty\n\t z\n", "if 1:\n \tx\n\ty\n", "if 1:\n\t x\n        y\n",
    # EOF
    "x = 1\0",
]

TOKENIZER_MESSAGES = (
    "unmatched", "closing parenthesis", "was never closed", "unterminated", "unexpected character after line",
    "unexpected EOF", "unindent does not match", "inconsistent use of tabs", "too many levels", "too many nested",
    "invalid decimal", "invalid hexadecimal", "invalid octal", "invalid binary", "invalid imaginary",
    "invalid digit", "leading zeros", "invalid character", "invalid non-printable", "null bytes",
)


def expected(src):
    try:
        ast.parse(src.encode())
    except SyntaxError as e:
        if not any(m in e.msg for m in TOKENIZER_MESSAGES):
            return None
        end = e.end_offset if e.end_offset is not None and e.end_offset >= 0 else 0
        off = e.offset if e.offset is not None and e.offset >= 0 else 0
        return (type(e).__name__, e.msg, e.lineno or 0, off, e.end_lineno or 0, end, e.text)
    return None


def actual(binary, src):
    with tempfile.NamedTemporaryFile("wb", suffix=".py", delete=False) as f:
        f.write(src.encode())
    try:
        out = subprocess.run([binary, f.name], capture_output=True, check=True).stdout.decode()
    finally:
        os.unlink(f.name)
    res = None
    for line in out.split("\n"):
        if line.startswith("E "):
            kind, l1, o1, l2, o2, msg = line[2:].split(" ", 5)
            res = (kind, msg.replace("\\n", "\n"), int(l1), int(o1), int(l2), int(o2))
        elif line.startswith("X"):
            text = None if line == "X-" else unescape(line[2:])
            return res + (text,)
    return res


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append("\n" if s[i + 1] == "n" else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def rust_str(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        elif ord(ch) < 0x20 or ord(ch) == 0x7f or ch in "\u200b\u3000\xa0":
            out += "\\u{%x}" % ord(ch)
        else:
            out += ch
    return out + '"'


PIECES = [
    " ", "  ", "\t", "\x0c", "\n", "\\", "\\\n", "#", "'", '"', "'''", '\"\"\"', "(", ")", "[", "]", "{", "}",
    "0", "1", "9", "0x", "0o", "0b", "_", ".", "e", "E", "j", "+", "-", "=", "<", ">", "!", "*", "/", ":", "a",
    "if", "else", "r", "b", "f", "u", "é", "€", "\xa0", "\u0301", "\x01", "$", "x = 1\n", "if x:\n", "    ",
    "\tif 1:\n", "  x\n", " \t", "'''\n", "\\\n  ", "é€", "rb'", 'f"', "0_", "1e", "...", "\n\t", "\n  ",
    "\n        ", "def f():\n", "\n\x0c", "# c\n", "'a\\\n",
    "\r\n", "\r", "é = 1\n", "\t\t", "'''é\n'''", "1_0", ".5e", "J", "0o7", "0xf", "ℌ", "\u00b2", "²",
]


def random_cases(n, seed):
    import random
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 16)))


# Tokens::unclosed_bracket of each source, filled by actual_many.
unclosed = {}


def actual_many(binary, sources):
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, src in enumerate(sources):
            p = os.path.join(d, f"{i}.py")
            with open(p, "wb") as f:
                f.write(src.encode())
            paths.append(p)
        out = subprocess.run([binary] + paths, capture_output=True, check=True).stdout.decode()
    results, cur, res = {}, None, None
    unclosed.clear()
    for line in out.split("\n"):
        if line.startswith("F "):
            cur = int(os.path.basename(line[2:])[:-3])
            results[cur] = None
        elif line.startswith("E "):
            kind, l1, o1, l2, o2, msg = line[2:].split(" ", 5)
            res = (kind, msg.replace("\\n", "\n"), int(l1), int(o1), int(l2), int(o2))
        elif line.startswith("X"):
            results[cur] = res + (None if line == "X-" else unescape(line[2:]),)
        elif line.startswith("U "):
            l1, o1, l2, o2, msg = line[2:].split(" ", 4)
            unclosed[cur] = (msg, int(l1), int(o1), int(l2), int(o2))
    return results


def main():
    args = sys.argv[1:]
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "examples", "tokens")
    if args[:1] == ["--bin"]:
        binary = args[1]
        args = args[2:]
    emit = "--emit-rust" in args
    bad = 0
    if "--random" in args:
        n = int(args[args.index("--random") + 1])
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
        cases = list(random_cases(n, seed))
        acts = actual_many(binary, cases)
        compared = 0
        for i, src in enumerate(cases):
            exp = expected(src)
            if exp is None:
                # A source python3 accepts must tokenize without error.
                try:
                    ast.parse(src.encode())
                except SyntaxError:
                    continue
                if acts.get(i) is not None:
                    bad += 1
                    print(f"MISMATCH {src!r}\n   python: accepted\n   ours:   {acts.get(i)}")
                continue
            compared += 1
            # The parser failing first may report the unclosed bracket.
            if unclosed.get(i) == exp[1:6]:
                continue
            if acts.get(i) != exp:
                bad += 1
                print(f"MISMATCH {src!r}\n   python: {exp}\n   ours:   {acts.get(i)}")
        print(f"{bad} mismatches in {compared} tokenizer errors")
        return
    for src in CASES:
        exp = expected(src)
        if exp is None:
            continue
        if emit:
            kind, msg, l1, o1, l2, o2, text = exp
            t = "None" if text is None else "Some(%s)" % rust_str(text)
            print("    (%s, %s, %s, %d, %d, %d, %d, %s)," % (rust_str(src), kind, rust_str(msg), l1, o1, l2, o2, t))
            continue
        act = actual(binary, src)
        if act != exp:
            bad += 1
            print(f"MISMATCH {src!r}\n   python: {exp}\n   ours:   {act}")
    if not emit:
        print(f"{bad} mismatches")


if __name__ == "__main__":
    main()
