# ast.literal_eval and ast.unparse, pure Python over the native classes.
import ast

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        # drop the object address from "malformed node or string" messages
        print(type(e).__name__, str(e).split(' object at ')[0])

for s in ["1", "-1", "+1.5", "1+2j", "-3-4j", "'abc'", "b'x'", "(1, 2)", "[1, [2, 3]]", "{1: 'a', 'b': (2,)}",
          "{1, 2}", "set()", "None", "True", "...", "  42", "\t[1]", "()", "[]", "{}", "'a' 'b'", "0x10", "1_000",
          "frozenset()", "x", "1 + x", "f(1)", "[i for i in x]", "{**a}", "1 if 1 else 2", "-'a'", "--1", "'a' + 'b'",
          "1 + 2", "2j - 1", "(1, [2, {3: (4,)}])"]:
    t(lambda: ast.literal_eval(s))
t(lambda: ast.literal_eval(ast.parse("[1, 2]", mode='eval')))
t(lambda: ast.literal_eval(ast.Constant(5)))
t(lambda: ast.literal_eval("1 +"))

SOURCES = [
    "x = 1",
    "def f(a, /, b: int = 2, *args, c, d=4, **kw) -> 'r':\n    '''doc'''\n    return (yield)",
    "async def f():\n    async with a as (b, c):\n        await d\n    async for x in y:\n        pass",
    "@d1\n@d2(x)\nclass C(A, B, metaclass=M):\n    x: int = 1\n    def m(self): ...",
    "for i in range(10):\n    if i % 2:\n        continue\n    elif i > 5:\n        break\n    else:\n        pass\nelse:\n    print('done')",
    "while True:\n    try:\n        x = 1 / 0\n    except ZeroDivisionError as e:\n        raise ValueError('x') from e\n    except (A, B):\n        pass\n    else:\n        pass\n    finally:\n        del x",
    "try:\n    pass\nexcept* E:\n    pass",
    "with a, b as c:\n    pass",
    "import a.b as c, d\nfrom ...m import (x as y, z)\nfrom . import *",
    "global a, b\nassert x, 'm'\nx += 1\ny: list[int]",
    "lambda x, *y, z=1, **w: (x, y, z, w)",
    "a if b else c if d else e",
    "not a and (b or c) and not (d and e)",
    "-x ** -y, (-x) ** y, x ** y ** z, (x ** y) ** z",
    "a < b < c, a is not b, a not in b",
    "f(*a, **k, x=1)\nf(a for a in b)",
    "x[1:2, ::3], x[...], x[()], x[a, b], x[(a, b)]",
    "[x for x in y if x for z in w]\n{k: v for k, v in d.items()}\n{x async for x in y}",
    "(a := 1)\nf(y := 2)\n[z := 3]",
    "f'{a!r:>{w}} {b=} {{literal}} {c:%Y}'",
    "'single' + \"double\" + '''triple''' + 'it\\'s' + b'bytes\\x00'",
    "match p:\n    case [1, 2, *rest] if rest:\n        pass\n    case {'a': 1, **kw}:\n        pass\n    case Point(x, y=0) | None as q:\n        pass\n    case _:\n        pass",
    "x = 1,\ny = ()\nz = (1,)\nw = [*a, *b]\nv = {**a, 'b': 1}",
    "1e100, 1.5j, 10**1000, float('inf')",
    "del a[0], b.c",
    "return_ = None\nnonlocal_ = 1",
    "print(1, 2, sep='')",
]
for src in SOURCES:
    try:
        out = ast.unparse(ast.parse(src))
        print(out)
        print(ast.dump(ast.parse(out)) == ast.dump(ast.parse(src)))
    except Exception as e:
        print(type(e).__name__, e)
print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load()))))
print(ast.unparse(ast.Constant(float('inf'))), ast.unparse(ast.Constant(complex(0, float('inf')))))
