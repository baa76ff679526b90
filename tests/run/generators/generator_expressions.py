# generator expressions and comprehension scoping
x = "outer"
print(list(x for x in range(3)), x)
print([y for y in range(3)], (lambda: [z for z in "ab"])())
nested = [(i, j) for i in range(3) for j in range(i)]
print(nested)
print({k: v for k, v in zip("abc", range(3)) if v}, {i % 3 for i in range(10)})
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [n for row in matrix for n in row if n % 2])
g = (i * i for i in range(5) if i != 2)
print(next(g), list(g))
try:
    list(1 / i for i in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
class C:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def lazy_source():
    print("  source evaluated")
    return [1, 2]
gen = (v for v in lazy_source())
print("created")
print(list(gen))
print(sum(i for i in range(100) if i % 7 == 0), max((len(w), w) for w in ["aa", "b", "ccc"]))
