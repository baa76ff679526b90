"""Print CPython's symbol table of a Python file in the format of
`SymbolTable::dump` (crates/compiler/src/symtable.rs), or the error it raises.

Usage: python3 dump_python_symtable.py FILE
"""
import _symtable
import sys

SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
FLAGS = [(1, "DEF_GLOBAL"), (2, "DEF_LOCAL"), (4, "DEF_PARAM"), (8, "DEF_NONLOCAL"), (16, "USE"),
         (32, "DEF_FREE"), (64, "DEF_FREE_CLASS"), (128, "DEF_IMPORT"), (256, "DEF_ANNOT"),
         (512, "DEF_COMP_ITER")]
TYPES = {_symtable.TYPE_FUNCTION: "function", _symtable.TYPE_CLASS: "class",
         _symtable.TYPE_MODULE: "module"}


def dump_table(t, depth, out):
    indent = "  " * depth
    nested = " nested" if t.nested else ""
    out.append(f"{indent}{TYPES.get(t.type, 'annotation')} {t.name} line {t.lineno}{nested} "
               f"params ({', '.join(t.varnames)})")
    for name in sorted(t.symbols):
        raw = t.symbols[name]
        scope = SCOPES.get((raw >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK, "?")
        flags = raw & ((1 << _symtable.SCOPE_OFF) - 1)
        names = "|".join(n for bit, n in FLAGS if flags & bit) or "-"
        out.append(f"{indent}  {name}: {scope} {names}")
    for child in t.children:
        dump_table(child, depth + 1, out)


def dump_source(source, path):
    """The dump of `source` (bytes or str), as one string."""
    try:
        top = _symtable.symtable(source, path, "exec")
    except SyntaxError as e:
        return (f"error: {type(e).__name__}: {e.msg} ({e.lineno}, {e.offset or 0}, "
                f"{e.end_lineno or 0}, {e.end_offset or 0})\n")
    except RecursionError as e:
        return f"error: RecursionError: {e}\n"
    out = []
    dump_table(top, 0, out)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        sys.stdout.write(dump_source(f.read(), sys.argv[1]))
