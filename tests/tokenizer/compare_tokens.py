"""Compare the Rust tokenizer's token stream with python3's `tokenize` module
over Python files (default: every .py file of the installed stdlib).

    python3 tests/tokenizer/compare_tokens.py [--bin PATH] [--site-packages] [FILES or DIRS...]

`--bin` is the built `tokens` example (cargo build --release -p
pyrite-syntax --example tokens). COMMENT, NL and ENCODING tokens are ignored,
OP tokens are compared by exact type, columns are converted to characters.

Known differences between the pure-Python tokenize module and the C
tokenizer, which are not counted as mismatches:
- DEDENT and ENDMARKER at the end of the input: tokenize puts them on the
  line after the last one; the C tokenizer has no column for them.
- INDENT: tokenize spans the indentation, the C tokenizer has no column
  (we give its end); NEWLINE: tokenize spans the newline character, the C
  tokenizer's NEWLINE is empty (and starts at a comment before it); only
  the position of the newline is compared.
- Files that fail to tokenize in either are counted apart; a file only we
  reject counts as agreeing when `ast.parse` rejects it with our message.
- tokenize's identifiers are `\w+` (by category) and not PEP 3131's
  XID_Start/XID_Continue: some valid names (with combining marks) are
  ERRORTOKENs there.
"""
import ast
import io
import os
import subprocess
import sys
import sysconfig
import tokenize
import token

SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def py_tokens(raw):
    toks = []
    for t in tokenize.tokenize(io.BytesIO(raw).readline):
        if t.type in SKIP:
            continue
        name = token.tok_name[t.exact_type]
        if t.type == tokenize.NEWLINE and t.string == "":
            # tokenize's NEWLINE for a missing final newline.
            name = "NEWLINE"
        toks.append((name, t.start, t.end))
    return toks


def source_lines(raw):
    enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    text = raw.decode(enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def rust_tokens(binary, files):
    out = subprocess.run([binary] + files, capture_output=True, check=True).stdout.decode()
    result = {}
    cur = None
    for line in out.split("\n"):
        if line.startswith("F "):
            cur = line[2:]
            result[cur] = ([], None)
        elif line.startswith("T "):
            _, kind, l1, c1, l2, c2 = line.split(" ")
            result[cur][0].append((kind, int(l1), int(c1), int(l2), int(c2)))
        elif line.startswith("E "):
            result[cur] = (result[cur][0], line[2:])
    return result


def to_char_col(lines, line, col):
    if 1 <= line <= len(lines):
        text = lines[line - 1]
        if not text.isascii():
            return len(text.encode()[:col].decode("utf-8", "replace"))
    return col


def compare(path, raw, rtoks, lines):
    ptoks = py_tokens(raw)
    mine = []
    for kind, l1, c1, l2, c2 in rtoks:
        name = kind.upper()
        mine.append((name, (l1, to_char_col(lines, l1, c1)), (l2, to_char_col(lines, l2, c2))))
    n = len(ptoks)
    if len(mine) != n:
        return f"{len(mine)} tokens vs {n}", first_diff(mine, ptoks)
    # Where the final run of DEDENTs and the ENDMARKER begins.
    tail = n
    while tail > 0 and mine[tail - 1][0] in ("DEDENT", "ENDMARKER"):
        tail -= 1
    for i, (m, p) in enumerate(zip(mine, ptoks)):
        if m[0] != p[0]:
            return "kind", (i, m, p)
        kind = m[0]
        if i >= tail:
            continue
        if kind == "NEWLINE":
            if m[2] != p[1]:
                return "newline position", (i, m, p)
        elif kind == "INDENT":
            if m[1] != p[2]:
                return "indent position", (i, m, p)
        elif kind == "DEDENT":
            if m[1] != p[1]:
                return "dedent position", (i, m, p)
        elif (m[1], m[2]) != (p[1], p[2]):
            return "position", (i, m, p)
    return None


def first_diff(mine, ptoks):
    for i, (m, p) in enumerate(zip(mine, ptoks)):
        if m[0] != p[0]:
            return (i, m, p)
    return None


def main():
    args = sys.argv[1:]
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "examples", "tokens")
    if args[:1] == ["--bin"]:
        binary = args[1]
        args = args[2:]
    with_site = "--site-packages" in args
    args = [a for a in args if a != "--site-packages"]
    roots = args or [sysconfig.get_paths()["stdlib"]]
    files = []
    for r in roots:
        if os.path.isdir(r):
            for dp, dns, fns in os.walk(r):
                if not with_site and "site-packages" in dns:
                    dns.remove("site-packages")
                files.extend(os.path.join(dp, f) for f in fns if f.endswith(".py"))
        else:
            files.append(r)
    files.sort()
    same = differ = py_fail = both_fail = rust_fail = 0
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        rust = rust_tokens(binary, chunk)
        for path in chunk:
            raw = open(path, "rb").read()
            rtoks, rerr = rust.get(path, ([], "missing"))
            try:
                lines = source_lines(raw)
                py_tokens(raw)
                pyerr = None
            except Exception as e:  # SyntaxError, IndentationError, TokenError, UnicodeDecodeError
                pyerr = e
            if pyerr is not None:
                if rerr is not None:
                    both_fail += 1
                    print(f"BOTH FAIL {path}: ours {rerr}; tokenize {pyerr!r}")
                else:
                    py_fail += 1
                    print(f"ONLY PYTHON FAILS {path}: {pyerr!r}")
                continue
            if rerr is not None:
                # The C tokenizer may reject what tokenize accepts (`0777`).
                try:
                    ast.parse(raw)
                    cerr = None
                except SyntaxError as e:
                    cerr = e.msg
                if cerr is not None and rerr.split(" ", 5)[-1] == cerr:
                    both_fail += 1
                    print(f"BOTH FAIL {path}: ours {rerr}; ast.parse agrees")
                    continue
                rust_fail += 1
                print(f"ONLY RUST FAILS {path}: {rerr} (ast.parse: {cerr})")
                continue
            d = compare(path, raw, rtoks, lines)
            if d is None:
                same += 1
            else:
                differ += 1
                print(f"DIFF {path}: {d}")
    total = same + differ + py_fail + both_fail + rust_fail
    print(f"{total} files: {same} identical, {differ} different, {both_fail} fail in both, "
          f"{py_fail} fail only in tokenize, {rust_fail} fail only in ours")
    if total:
        print(f"match rate: {100.0 * (same + both_fail) / total:.2f}%")


if __name__ == "__main__":
    main()
