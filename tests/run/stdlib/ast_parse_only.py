# ast.parse accepts what only the compiler refuses, and reports the parser's own errors.
import ast
for src in ["await x", "yield x", "break", "continue", "nonlocal x", "x = 1\nglobal x", "def f(a, a): pass",
            "from __future__ import braces", "*a = 1", "a, *b, *c = d", "async for x in y: pass",
            "[x async for x in y]", "async with a: pass", "def f():\n    x = 1\n    global x", "return",
            "class C:\n    return 1", "lambda: (yield)", "def f(): yield from x\nasync def g(): yield from x",
            "f(**a, *b)", "a = 1 = 2", "x: int = yield", "def f(x=1, y): pass", "f(x=1, x=2)",
            "__debug__ = 1", "del __debug__", "f(__debug__=1)", "def f(__debug__): pass", "import a as __debug__",
            "with a as __debug__: pass", "for __debug__ in x: pass", "x.__debug__ = 1", "(x := 1) = 2",
            "'\\d'", "1 if x else y", "0777", "1_", "print 'x'", "x = 5 is 5", "assert (x, 'm')"]:
    try:
        print(repr(src), ast.dump(ast.parse(src))[:150])
    except SyntaxError as e:
        print(repr(src), 'SyntaxError', e.msg, e.lineno, e.offset)
