"""For each case of a cases file (sources separated by "# ---" lines), print
CPython's tree (as ast_to_json.py does, or null if it does not parse) and
its symbol table dump (as dump_python_symtable.py does), as one JSON list.

Usage: python3 cpython_cases.py CASES-FILE
"""
import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ast_to_json  # noqa: E402
import dump_python_symtable  # noqa: E402


def split_cases(text):
    cases, current = [], []
    for line in text.splitlines(keepends=True):
        if line.rstrip() == "# ---":
            cases.append("".join(current))
            current = []
        else:
            current.append(line)
    cases.append("".join(current))
    return cases


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = split_cases(f.read())
    out = []
    for source in cases:
        try:
            tree = ast_to_json.convert(ast.parse(source, "case.py"))
        except SyntaxError:
            tree = None
        out.append({"source": source, "tree": tree,
                    "expected": dump_python_symtable.dump_source(source, "case.py")})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
