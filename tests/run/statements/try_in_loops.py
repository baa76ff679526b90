# try statements inside loops with break/continue/return and else clauses
results = []
for item in ["1", "x", "3", "", "5"]:
    try:
        n = int(item)
    except ValueError:
        results.append("bad")
        continue
    else:
        results.append(n)
    finally:
        results.append("|")
print(results)
def find(items, target):
    for i, it in enumerate(items):
        try:
            if it == target:
                return i
        finally:
            print("  checked", i)
    return -1
print(find("abc", "b"))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("  failed:", e)
