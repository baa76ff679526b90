# comprehensions: own scope, first iterable evaluated in enclosing scope, nested clauses order
x = 10
print([x for x in range(3)], x)
def first_iter():
    print("  first iterable evaluated once")
    return range(3)
print([(i, j) for i in first_iter() for j in range(i)])
print({i: [j for j in range(i)] for i in range(4)})
print([i * j for i in range(1, 4) if i != 2 for j in range(1, 4) if j != i])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([[y for y in range(x)] for x in range(4)])
print(list({n % 5: n for n in range(12)}.items()))
y = 5
print([y * k for k in range(3)], (lambda: [y + k for k in range(2)])())
