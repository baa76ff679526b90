"""Collect the Python snippets held in string constants of Python files
(CPython's test suite is full of them: scoping puzzles, code that must
raise SyntaxError) into a cases file for tests/cpython_symtable.rs.

Usage: python3 harvest_snippets.py OUT-FILE FILES-OR-DIRS...
"""
import ast
import os
import sys

KEYWORDS = ("def ", "class ", "lambda", "global", "nonlocal", " for ", ":=", "yield", "await",
            "import", "__", "super")


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    out_path, paths = sys.argv[1], sys.argv[2:]
    seen = set()
    snippets = []
    for path in files(paths):
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
        except (SyntaxError, ValueError, RecursionError):
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if text in seen or len(text) > 5000 or "# ---" in text or "\0" in text:
                continue
            if not any(k in text for k in KEYWORDS):
                continue
            seen.add(text)
            try:
                text.encode("utf-8")
                ast.parse(text)
            except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeError):
                continue
            snippets.append(text if text.endswith("\n") else text + "\n")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# ---\n".join(snippets))
    print(f"{len(snippets)} snippets")


if __name__ == "__main__":
    main()
