# caret lines: wide characters take two columns, subscripts with spaces, operators
import sys
def show(f):
    try:
        f()
    except Exception as e:
        sys.__excepthook__(type(e), e, e.__traceback__.tb_next)
a, b, z, s, d = 1, 0, None, "x", {}
show(lambda: a // b)
show(lambda: a ** -1 // b)
show(lambda: (a) / (b))
show(lambda: a +  z)
show(lambda: [1][5])
show(lambda: d["k"]["j"])
show(lambda: z())
show(lambda: z.attr.more)
show(lambda: (1 + 2) / (a - 1))
show(lambda: "é" + 1)
show(lambda: int("x"))
show(lambda: [a for a in [0]][0] / 0)
show(lambda: d [ "missing" ])
show(lambda: a/b)
show(lambda: a %b)
show(lambda: len(5))
def long_one():
    return {"key": [1, 2, 3]}["key"][10]
show(long_one)
def in_tabs():
	return 1 / 0
show(in_tabs)
def ops():
    x = 1
    x /= 0
show(ops)
def multi():
    return (1 +
            2) / 0
show(multi)
def multi2():
    return foo(1,
               2)
show(multi2)
def wide():
    return "日本語" + 1 + "x"
show(wide)
show(lambda: ("日本", 1 + "x"))
show(lambda: ("ｘ", 1 + "x"))
show(lambda: ("😀", 1 + "x"))
show(lambda: ("é", 1 + "x"))
show(lambda: ("e\u0301", 1 + "x"))
show(lambda: {"日": 1}["日本"])
show(lambda: 1 + "日本" + 1 + "x")
show(lambda: "日本語" + 1)
show(lambda: "é" + 1)
show(lambda: "éé" + 1)
show(lambda: 1 + "é" + 1)
show(lambda: "日" [5])
show(lambda: "日本" [5])
show(lambda: int("日本語") + 1)
show(lambda: d[ "k" ])
