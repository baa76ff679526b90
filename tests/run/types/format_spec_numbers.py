# format-spec mini-language: fill/align/sign/#/0/width/grouping/precision/type combinations
nums = [0, 7, -7, 1234567, -1234567, 3.5, -0.0, 12345.6789, 1e100]
specs = ["<8", ">8", "^8", "=8", "+", "-", " ", "08", "+08", ",", "_", "08,", ".3", "+.1e", "#.0e", ">+12,.2f", "x<+10",
         "0=10", "g", ".0", "#10.3g", "_.2f", ",.0%"]
for n in nums:
    row = []
    for s in specs:
        try:
            row.append(format(n, s))
        except ValueError as e:
            row.append("!" + type(e).__name__)
    print(repr(n), row)
print(format(12345678, ",d"), format(-12345678, "_x"), format(255, "_b"), format(10**12, "_o"), format(10**6, ",.2f"))
print(format(True, "<5"), format(False, "x"), format(1.0, "n"), format(1234.5, ".1n"))
try:
    format(1, ",_")
except ValueError as e:
    print("ValueError", e)
try:
    format(1, "_,")
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, ",n")
except ValueError as e:
    print("ValueError", e)
