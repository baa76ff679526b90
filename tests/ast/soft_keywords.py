match = 1
case = 2
_ = 3
match.attr = 4
match[0] = 5
match(1, 2)
print(match, case, _)
def match(case): return case
type = int
match match:
    case case:
        pass
