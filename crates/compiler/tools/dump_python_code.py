"""Print, for each code object that compile() makes from a Python file, what
the symbol table decides about it: the scope flags of co_flags, cell and
free variables and parameters (the format of examples/symtable_dump --code).
Children are sorted by name, so the order of compilation does not matter.

Usage: python3 dump_python_code.py FILE
"""
import sys
import types

# CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
MASK = 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x200


def dump_code(co, depth, out, top=False):
    nparams = co.co_argcount + co.co_kwonlyargcount + bool(co.co_flags & 0x4) + bool(co.co_flags & 0x8)
    name = "top" if top else co.co_name
    out.append(f"{'  ' * depth}{name} flags {co.co_flags & MASK:#x} cells ({', '.join(co.co_cellvars)}) "
               f"frees ({', '.join(co.co_freevars)}) params ({', '.join(co.co_varnames[:nparams])})")
    children = [c for c in co.co_consts if isinstance(c, types.CodeType)]
    for child in sorted(children, key=lambda c: c.co_name):
        dump_code(child, depth + 1, out)


def dump_source(source, path):
    try:
        co = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, RecursionError, ValueError) as e:
        return f"error: {type(e).__name__}\n"
    out = []
    dump_code(co, 0, out, top=True)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        sys.stdout.write(dump_source(f.read(), sys.argv[1]))
