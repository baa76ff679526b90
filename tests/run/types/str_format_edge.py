# str.format: field names with attribute/index chains, nested specs, conversions with specs, repeated fields
class Obj:
    def __init__(self):
        self.items = {"key": ["zero", "one"]}
        self.name = "obj"
o = Obj()
print("{0.items[key][1]} {0.name!r:>8} {0.name!s:*^9}".format(o))
print("{0} {0} {1} {0}".format("a", "b"), "{x}{x}".format(x=1), "{:{}{}}".format(3.14159, ">", 10))
print("{:{fill}{align}{width}}".format("c", fill="#", align="^", width=7), "{0:{1}}".format("s", 5))
print("{0[0]}{0[-1]}".format({0: "zero", -1: "neg"}) if False else "{0[0]}".format(["first"]), "{0[1:]}".format({"1:": "slice key"}))
print("{!r:}".format("x"), "{0!a:10}|".format("é"), "{:}".format(5), "{0:}".format("e"), "{:%Y}".format(type("D", (), {"__format__": lambda s, f: f})()))
print("{a[b]}".format(a={"b": "dict key without quotes"}), "{0[  1 ]}".format({"  1 ": "spaces kept"}))
for bad in ["{0[}", "{0]}", "{:{:{}}}", "{0.}", "{0[]}", "{!}", "{:x}"]:
    try:
        print(repr(bad.format(1, 2, 3)))
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
        print(repr(bad), type(e).__name__, e)
