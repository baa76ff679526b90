# compile(): flags, optimize, filename forms, null bytes and SyntaxError.text per mode
def show(f):
    try:
        r = f()
        print("ok", type(r).__name__, getattr(r, "co_filename", r))
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)
show(lambda: compile("1", b"bytes-name", "exec"))
show(lambda: compile("x", "f", "eval", dont_inherit=True, optimize=2))
show(lambda: compile("x", "f", "eval", 0, False, 0))
show(lambda: compile("1", 5, "exec"))
show(lambda: compile("1", "f", 5))
show(lambda: compile("1", "f", "exec", 0x100))
show(lambda: compile("1", "f", "exec", -1))
show(lambda: compile("1", "f", "exec", optimize=3))
show(lambda: compile("1", "f", "exec", optimize=-2))
show(lambda: compile("1", "f", "func_type"))
show(lambda: compile("1", "f", "bogus", 0x400))
show(lambda: compile("1", "f", "exec", 0, 0, -1, 5))
show(lambda: compile("1", "f", "exec", "x"))
show(lambda: compile("1", "f"))
show(lambda: compile())
show(lambda: compile("a\0b", "f", "exec"))
show(lambda: compile(b"a\0b", "f", "exec"))
show(lambda: compile(bytearray(b"7 * 6"), "ba", "eval"))
show(lambda: compile(["x"], "f", "exec"))
show(lambda: compile("1", "f", "exec", flags=0x2000))
print(eval(compile(bytearray(b"7 * 6"), "ba", "eval")))
for src in ["x = ", "a\n b", "f(", "x = 1\n)", "if x:\npass", "(1,\n2", "1 +* 2", "x = 1\ny = (\n"]:
    for mode in ["exec", "eval"]:
        try:
            compile(src, "<s>", mode)
        except SyntaxError as e:
            print(mode, type(e).__name__, e.msg, e.lineno, repr(e.text))
