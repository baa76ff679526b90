# float formatting with format specs, % and str.format
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1.5e300, float("inf"), float("nan"), 0.5, 100.0]
specs = ["", "f", ".0f", ".2f", "10.3f", "<10.2", ">10.2e", "^12g", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%",
         "+.2f", " .1f", ",.2f", "_.1f", "010.2f", "#.0f", "#g", "n", ".10g", "z.1f", "=+10.1f"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except ValueError as e:
            out.append("ValueError")
    print(repr(v), out)
for bad in ["d", "x", "c", "#b"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G %+.1f %08.2f %%" % ((3.14159,) * 10))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("%r %s %a" % (0.1, 1e16, 1e-5))
print(format(1e16, ""), format(1e16, "g"), format(123456789.0, ".12"), format(0.0001, ""), format(1e-5, ".3"))
