"""Compare our disassembly with CPython's over a tree of Python files.

usage: python3 compare_dis.py DIR [OURS_DIS_DIR]

Writes `python3`'s `dis` output of every file under DIR (code object
addresses replaced by 0x0000) to a temporary directory, runs
`compile_tree DIR --dis OUT` (the example of crates/compiler, built in
release mode) unless OURS_DIS_DIR is given, and reports how many files
disassemble identically. frozenset constants print in hash order, which
CPython randomizes per process, so files that differ only there are counted
separately.
"""

import dis
import io
import os
import re
import subprocess
import sys
import tempfile


def python_dis(src_root, out_root):
    for root, _dirs, files in os.walk(src_root):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            try:
                code = compile(open(path, "rb").read(), path, "exec")
            except (SyntaxError, ValueError):
                continue
            buf = io.StringIO()
            dis.dis(code, file=buf)
            dst = os.path.join(out_root, os.path.relpath(path, src_root)[:-3] + ".dis")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "w") as f:
                f.write(re.sub(r"0x[0-9a-f]+", "0x0000", buf.getvalue()))


def main():
    src = sys.argv[1]
    tmp = tempfile.mkdtemp()
    exp = os.path.join(tmp, "python")
    python_dis(src, exp)
    if len(sys.argv) > 2:
        ours = sys.argv[2]
    else:
        ours = os.path.join(tmp, "ours")
        subprocess.run(["cargo", "run", "-q", "--release", "-p", "pyrite-compiler", "--example",
                        "compile_tree", "--", src, "--dis", ours], check=True, stdout=subprocess.DEVNULL)
    fs = lambda t: re.sub(r"frozenset\(\{[^}]*\}\)", "frozenset()", t)
    total = same = same_but_sets = 0
    differing = []
    for root, _dirs, files in os.walk(exp):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), exp)
            total += 1
            a = open(os.path.join(exp, rel)).read()
            try:
                b = open(os.path.join(ours, rel)).read()
            except OSError:
                b = ""
            if a == b:
                same += 1
            elif fs(a) == fs(b):
                same_but_sets += 1
            else:
                differing.append(rel)
    print(f"files: {total}  identical: {same}  identical but frozenset order: {same_but_sets}  "
          f"differing: {len(differing)}")
    for rel in sorted(differing)[:50]:
        print("  differs:", rel)


if __name__ == "__main__":
    main()
