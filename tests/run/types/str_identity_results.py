# which str operations hand back the very same object (exact str, nothing changed), as CPython does
s = "hello world"
e = "é中"
checks = {
    "strip": lambda x: x.strip(), "lstrip": lambda x: x.lstrip(), "rstrip": lambda x: x.rstrip("z"),
    "replace": lambda x: x.replace("zz", "y"), "replace0": lambda x: x.replace("l", "L", 0), "center": lambda x: x.center(3),
    "ljust": lambda x: x.ljust(2), "rjust": lambda x: x.rjust(0), "zfill": lambda x: x.zfill(1), "expandtabs": lambda x: x.expandtabs(),
    "slice": lambda x: x[:], "slice2": lambda x: x[0:len(x)], "mul1": lambda x: x * 1, "add_empty": lambda x: x + "", "radd_empty": lambda x: "" + x,
    "str": lambda x: str(x), "format": lambda x: format(x), "format_spec": lambda x: format(x, ""), "fstring": lambda x: f"{x}",
    "join1": lambda x: "".join([x]), "removeprefix": lambda x: x.removeprefix("zz"), "removesuffix": lambda x: x.removesuffix("zz"),
    "translate": lambda x: x.translate({}), "split_one": lambda x: x.split("zz")[0], "partition": lambda x: x.partition("zz")[0],
    "rpartition": lambda x: x.rpartition("zz")[2], "percent": lambda x: x % (), "title": lambda x: x.title(), "lower_same": lambda x: x.lower(),
}
for name, f in checks.items():
    print(name, f(s) is s, f(e) is e, f(s) == s)
