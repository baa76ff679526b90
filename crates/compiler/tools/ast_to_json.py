"""Print CPython's AST of a Python file as JSON, for examples/symtable_dump
(`--json`), which rebuilds it as the syntax crate's AST.

Usage: python3 ast_to_json.py FILE
"""
import ast
import json
import sys


def constant(value):
    if value is None:
        return {"t": "None"}
    if value is Ellipsis:
        return {"t": "Ellipsis"}
    if isinstance(value, bool):
        return {"t": "Bool", "v": value}
    if isinstance(value, int):
        return {"t": "Int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "Float", "v": repr(value)}
    if isinstance(value, complex):
        return {"t": "Complex", "v": [repr(value.real), repr(value.imag)]}
    if isinstance(value, str):
        return {"t": "Str", "v": value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")}
    if isinstance(value, bytes):
        return {"t": "Bytes", "v": list(value)}
    if isinstance(value, tuple):
        return {"t": "Tuple", "v": [constant(x) for x in value]}
    raise TypeError(type(value))


def convert(node):
    if isinstance(node, ast.AST):
        out = {"_type": type(node).__name__}
        if isinstance(node, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)):
            return type(node).__name__
        for name in node._fields:
            value = getattr(node, name, None)
            out[name] = constant(value) if name == "value" and isinstance(node, (ast.Constant, ast.MatchSingleton)) else convert(value)
        for name in node._attributes:
            out[name] = getattr(node, name, None)
        return out
    if isinstance(node, list):
        return [convert(x) for x in node]
    return node


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        source = f.read()
    tree = ast.parse(source, path)
    json.dump({"filename": path, "tree": convert(tree)}, sys.stdout)


if __name__ == "__main__":
    main()
