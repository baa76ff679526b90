# ast.dump of ast.parse for a broad corpus, with and without positions.
import ast

CORPUS = [
    "x = 1",
    "a, *b = c = d",
    "x: int = 5\ny: 'str'\n(z): int = 1\nobj.attr: list[int]",
    "x += 1; y -= 2; z @= w; q //= 3; r **= 2; s >>= 1; t <<= 1; u |= 1; v ^= 1; w &= 1; m %= 2; n /= 2; o *= 2",
    "del a, b[0], c.d",
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    'doc'\n    return a\n",
    "async def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): ...\n",
    "lambda: 0\nlambda x, *y, z=3, **k: x",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "while x:\n    break\nelse:\n    continue\n",
    "for i, j in enumerate(x):\n    pass\nelse:\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "with open(f) as g, h:\n    pass\n",
    "import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *",
    "global g\nnonlocal_ = 1\ndef f():\n    nonlocal x\n",
    "assert x, 'msg'\nraise E from e",
    "[x for x in y if x if not x]\n{x: y for x, y in z}\n{x for x in y}\n(x for x in y)\n[i async for i in a]",
    "a if b else c",
    "a and b or c and not d",
    "-a + ~b * +c ** d // e % f @ g / h - i << j >> k | l ^ m & n",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "f(a, *b, c=d, **e)",
    "x[1:2, ::3, ...]\nx[a]\nx[1:]\nx[:, None]",
    "(yield)\n(yield x)\n(yield from y)",
    "(a := 10)\n[y := f(x), y**2]",
    "f'{a}{b!s}{c!a:{d}}text{e=}' f'{x:>{w}.{p}f}'",
    "'abc' 'def'\nb'x' b'y'\nu'unicode'\nr'raw\\n'\n'''triple\nquoted'''",
    "1 + 1.5 + 2j + 0x10 + 1_000 + 10**100 + True + None + ...",
    "{1: 2, **d, 3: 4}\n{*a, *b}\n[*a, 1]\n(*a, 2)\n()\n[]\n{}",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) as pt if pt:\n        pass\n    case None | True:\n        pass\n    case -1 | 1+2j | a.b:\n        pass\n    case (x, y, *_):\n        pass\n    case _:\n        pass\n",
    "x = 'é' + 'ñ'; y = '日本語'  # non-ascii offsets\nz = f'{ y }é{x}'",
    "def f():\n    return\n    yield\n",
    "class A: pass",
    "if x: y = 1; z = 2",
    "a.b.c.d(e)[f].g",
    "print(*args, sep='')",
    "x = (\n    1,\n    2,\n)\n",
    "@property\ndef f(self): pass",
    "async def f():\n    [x async for x in y]\n    await z\n    return [await a for a in b]",
    "def f[T](x): pass" if False else "def f(*, a): pass",
    "t = 1,\nu = (1,)\nv = [1, 2][::-1]",
    "x = not a == b",
    "try:\n    pass\nfinally:\n    pass\n",
    "from __future__ import annotations\nx: int",
    "def f(a=1, /, b=2): pass",
    "'''docstring'''\nx = 1",
]

for src in CORPUS:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, indent=2)[:200])

for src, mode in [("x + 1", "eval"), ("x = 1", "single"), ("if x:\n    y\n", "single"), ("1;2", "single")]:
    print(ast.dump(ast.parse(src, mode=mode), include_attributes=True))

tree = ast.parse("x = 1\nprint(x)")
print([type(n).__name__ for n in ast.walk(tree)])
print(ast.get_source_segment("x = 1\nprint(x)", tree.body[1]))
print(ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)
print(ast.parse("a + b").body[0].value.op is ast.parse("c + d").body[0].value.op)

for bad in ["x = ", "def f(:", "1 +* 2", "f(**x, *y)", "a = yield = 3", "(", "x = 1\n  y = 2"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
