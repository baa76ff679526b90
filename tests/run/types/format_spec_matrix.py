# format specs and %-formatting of int, float, complex, str: alignment, signs, grouping, alternate forms, errors
specs = ["", "d", "5", "<5", ">5", "^5", "=+8", "08", "+", "-", " ", "#x", "#o", "#b", "#X", "x", "_x", ",", "_", "c", "n",
         "e", ".2e", "E", "f", ".0f", "#.0f", "%", ".1%", "g", ".3g", "#g", "G", "010.3f", "+,.2f", "_.3f", ",d", "z.1f",
         "s", "10s", ".2s", "*^9", "\u00e9<6", "0=5", "#_b", ",x", ".5", ".0", "15,", "r"]
vals = [0, 7, -42, 123456789, 2**70, -0.0, 0.5, 1234.5678, -1e-7, 1e16, float("inf"), float("nan"), 3 + 4j, "ab", True]
for v in vals:
    out = []
    for sp in specs:
        try:
            out.append(format(v, sp))
        except (ValueError, TypeError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(repr(v), out)
pcts = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%#X", "%o", "%#o", "%e", "%.2e", "%f", "%.1f", "%g", "%#g",
        "%G", "%s", "%r", "%a", "%c", "%i", "%u", "%.3s", "%*d", "%-*d|", "%.*f", "%%", "%(a)s", "%5.1f", "%#.0f", "%+.3e"]
for p in pcts:
    for v in [42, -3.25, "x", "é", 65, 1e300, 2**64]:
        try:
            if "*" in p:
                r = p % (6, v) if p.count("*") == 1 else p % (6, 2, v)
            elif "(a)" in p:
                r = p % {"a": v}
            else:
                r = p % v
            print(repr(p), repr(v), repr(r))
        except (ValueError, TypeError, OverflowError) as e:
            print(repr(p), repr(v), type(e).__name__, e)
for bad in ["%", "%z", "%(a", "%(a)s %s", "%*.*f", "%c", "%d %d", "%.2147483648f"]:
    try:
        print(repr(bad % ((1.5,) if bad != "%(a)s %s" else {"a": 1})))
    except (ValueError, TypeError, KeyError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
for args in [("%c", 0x110000), ("%c", "ab"), ("%c", -1), ("%x", 1.5), ("%d", "1"), ("%d", 1.9), ("%s %s", (1,)), ("%s", ()), ("%s", [])]:
    try:
        print(repr(args[0] % args[1]))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
