# match with no matching case, capture leaks, subject evaluated once
def subject():
    print("  subject evaluated")
    return 42
match subject():
    case 1:
        print("one")
    case 2:
        print("two")
print("nothing matched")
match [7, 8]:
    case [a, b]:
        pass
print(a, b)
match 3:
    case 1 | 2:
        print("no")
print("end")
