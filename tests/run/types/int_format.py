# int formatting: format specs and %
vals = [0, 5, -5, 255, -255, 1234567, 10**20]
specs = ["", "d", "5d", "<6", ">6", "^7", "=+8", "+", "-", " ", ",", "_", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
         "08b", "#010x", "c", "n", "e", ".2f", "%", "*^9", "_x", ",d", "+,", "012,"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(v, out)
for bad in ["s", ".2", "z", ",x", "#c"]:
    try:
        format(5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
print("%d %i %5d %-5d| %05d %+d %x %X %#x %o %#o %c" % (42, -42, 42, 42, 42, 42, 255, 255, 255, 8, 8, 65))
print("%s %r %a" % (10**25, -1, 7))
