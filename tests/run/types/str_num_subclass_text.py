# str(), format(), %-formatting and f-strings of int/float/complex/str/bool subclasses overriding __repr__ or __str__
class I(int):
    def __repr__(self):
        return "I-repr"
class J(int):
    def __str__(self):
        return "J-str"
class F(float):
    def __repr__(self):
        return "F-repr"
class C(complex):
    def __repr__(self):
        return "C-repr"
class S(str):
    def __repr__(self):
        return "S-repr"
class T(str):
    def __str__(self):
        return "T-str"
for v in [I(5), J(6), F(1.5), C(1j), S("s"), T("t")]:
    out = [str(v), repr(v), format(v), format(v, ""), f"{v}", f"{v!r}", f"{v!s}", "%s" % v, "%r" % v, "{}".format(v), "{0!s}".format(v)]
    try:
        out.append("%d" % v)
    except TypeError as e:
        out.append("TypeError")
    try:
        out.append(format(v, ">6"))
    except TypeError as e:
        out.append("TypeError " + str(e))
    print(type(v).__name__, out, [x for x in [v] if x], bool(v))
print(int.__repr__(I(5)), float.__repr__(F(1.5)), complex.__repr__(C(1j)), str.__repr__(S("s")), str.__str__(T("t")), int.__str__(J(6)) if hasattr(int, "__str__") else "")
