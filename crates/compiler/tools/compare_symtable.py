"""Compare the symbol tables of Python files with CPython's.

For each file that CPython parses, the tree is either CPython's own (passed
as JSON, the default) or our parser's (--parse), and the dump of
examples/symtable_dump must equal tools/dump_python_symtable.py's.

Usage: python3 compare_symtable.py [--parse] [--bin PATH] [--show N] FILES-OR-DIRS...
"""
import argparse
import ast
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ast_to_json  # noqa: E402
import dump_python_code  # noqa: E402
import dump_python_symtable  # noqa: E402
import json  # noqa: E402


def files(paths, skip_site=False):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                if skip_site and "site-packages" in dirs:
                    dirs.remove("site-packages")
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parse", action="store_true", help="use our parser instead of CPython's tree")
    ap.add_argument("--bin", default="target/debug/examples/symtable_dump")
    ap.add_argument("--show", type=int, default=5, help="diffs to print")
    ap.add_argument("--code", action="store_true",
                    help="compare what code objects say (flags, cells, frees, parameters)")
    ap.add_argument("--no-site", action="store_true", help="skip site-packages folders")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    counts = {"same": 0, "differ": 0, "unparsable": 0, "py_errors": 0}
    shown = 0
    tmp = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    tmp.close()
    for path in files(args.paths, args.no_site):
        with open(path, "rb") as f:
            source = f.read()
        try:
            tree = ast.parse(source, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            counts["unparsable"] += 1
            continue
        if args.code:
            expected = dump_python_code.dump_source(source, path)
        else:
            expected = dump_python_symtable.dump_source(source, path)
        if expected.startswith("error:"):
            counts["py_errors"] += 1
            if args.code:
                # compile() also fails for errors of later passes: nothing to compare.
                continue
        if args.parse:
            cmd = [args.bin, path]
            if args.code:
                cmd.insert(1, "--code")
        else:
            try:
                with open(tmp.name, "w") as out:
                    json.dump({"filename": path, "tree": ast_to_json.convert(tree)}, out)
            except RecursionError:
                counts["unparsable"] += 1
                continue
            cmd = [args.bin, "--json", tmp.name]
            if args.code:
                cmd.insert(1, "--code")
        run = subprocess.run(cmd, capture_output=True, text=True)
        got = run.stdout
        if run.returncode != 0:
            got += f"exit {run.returncode}: {run.stderr[-2000:]}"
        if got == expected:
            counts["same"] += 1
            continue
        counts["differ"] += 1
        print(f"DIFFER {path}")
        if shown < args.show:
            shown += 1
            import difflib
            diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), "cpython", "pyrite", lineterm="", n=1)
            print("\n".join(list(diff)[:40]))
    os.unlink(tmp.name)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 1 if counts["differ"] else 0


if __name__ == "__main__":
    sys.exit(main())
