# compile(): modes, flags, errors
c = compile("a = 1\nb = a + 1\nprint('executed', a, b)", "<prog>", "exec")
exec(c)
print(eval(compile("2 ** 8", "<expr>", "eval")))
s = compile("x = 5", "<single>", "single")
ns = {}
exec(s, ns)
print(ns["x"])
exec(compile("1 + 1", "<single>", "single"))
exec(compile("'shown by single mode'", "<single>", "single"))
print(compile(b"3 * 3", "<bytes>", "eval").co_filename, eval(compile(b"3 * 3", "<bytes>", "eval")))
for src, mode in [("x = ", "exec"), ("x = 1", "eval"), ("a\n b", "exec"), ("1 +* 2", "eval"), ("f(", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
for args in [("1", "<x>", "nope"), (1, "<x>", "exec"), ("1", "<x>")]:
    try:
        compile(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
code = compile("def f():\n    return 42\n", "<def>", "exec")
g = {}
exec(code, g)
print(g["f"](), g["f"].__code__.co_filename)
