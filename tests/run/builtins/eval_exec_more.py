# eval()/exec(): namespace checks, mappings as locals, code objects and closures
def show(f):
    try:
        print("ok", f())
    except (TypeError, NameError, SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
class Upper:
    def __init__(self, **kw):
        self.data = kw
    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if key == "undefined":
            raise KeyError(key)
        return key.upper()
    def __setitem__(self, key, value):
        self.data[key] = value
print(eval("abc + x", {}, Upper(x="!")))
loc = Upper()
exec("made = 'here'", {}, loc)
print(loc.data)
try:
    eval("undefined", {}, Upper())
except NameError as e:
    print("NameError", e)
ns = {}
exec("y = 2\ndef g():\n    return y * 10", ns)
print(ns["g"](), sorted(k for k in ns if k != "__builtins__"))
def make():
    free = "closed over"
    def inner():
        return free
    return inner
inner = make()
show(lambda: eval(inner.__code__))
show(lambda: exec(inner.__code__))
show(lambda: exec(inner.__code__, {}, None, closure=(1,)))
show(lambda: exec(inner.__code__, {}, None, closure=inner.__closure__))
show(lambda: exec((lambda: 1).__code__, {}, None, closure=inner.__closure__))
show(lambda: exec("1", {}, None, closure=inner.__closure__))
show(lambda: exec("1", {}, None, closure=None))
show(lambda: eval("1", globals={}))
show(lambda: eval("1", [], {}))
show(lambda: eval("1", {}, 1))
show(lambda: eval("1", 1))
show(lambda: exec("1", [], {}))
show(lambda: exec("1", {}, 1))
show(lambda: eval("1", {}, {}, {}))
show(lambda: exec("1", {}, {}, {}))
show(lambda: eval())
show(lambda: exec())
show(lambda: eval(None))
show(lambda: exec(3.5))
show(lambda: eval("a\0b"))
show(lambda: exec(b"x = 1\0"))
show(lambda: eval("\t  1 + 1"))
show(lambda: eval(b"  2 * 2"))
show(lambda: eval(bytearray(b"3 - 1")))
show(lambda: exec("  x = 1"))
g = {}
exec("import sys as _s", g)
print("__builtins__" in g, "_s" in g)
code = compile("z = z + 1", "<c>", "exec")
space = {"z": 1}
for _ in range(3):
    exec(code, space)
print(space["z"], eval(compile("z * 2", "<c>", "eval"), space))
