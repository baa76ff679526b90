# generators consumed by builtins and unpacking
def g(n):
    for i in range(n):
        yield i
print(sum(g(5)), max(g(5)), min(g(5)), list(g(3)), tuple(g(3)), set(g(3)), dict(zip(g(3), g(3))), sorted(g(4), reverse=True))
print(any(x > 3 for x in g(5)), all(x < 5 for x in g(5)), "".join(str(x) for x in g(4)), len(list(g(100))))
a, b, *c = g(5)
print(a, b, c, [*g(2), *g(3)], {*g(2)}, print(*g(3)))
print(list(enumerate(g(3))), list(zip(g(2), g(5))), list(map(str, g(3))), list(filter(None, g(4))), list(reversed(list(g(3)))))
