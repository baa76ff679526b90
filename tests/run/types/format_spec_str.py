# format-spec mini-language applied to strings
for spec in ["", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "-^7", "0>5", "=^4", "s", ">1"]:
    print(repr(spec), repr(format("hello", spec)), repr(format("", spec)), repr(format("é中", spec)))
for bad in ["=10", "+", " ", ",", "d", "#", "010", ".2f", "z"]:
    try:
        format("x", bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
print(f"{'abc':>8}|{'abc':<8}|{'abc':^8}|{'abc':.1}|", f"{3:{'>'}{5}}", f"{'x'!r:^7}")
w, p = 12, 3
print(f"{3.14159:{w}.{p}f}|", f"{'nested':{'^'}{w}}|", f"{10:#{'x'}}")
