# starred expressions in displays, calls, returns and for targets
def f():
    return 1, *[2, 3], 4
print(f(), [*"ab", *range(2)], (*[1],), {*"aa", *"b"} == {"a", "b"}, [*[], *()])
first, *rest = f()
*init, last = f()
a, *b, c = "xyz"
print(first, rest, init, last, a, b, c)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
print(*[1, 2], *(3,), sep="-")
d = {"a": 1}
print({**d, "b": 2, **{"c": 3}}, dict(**d, z=0))
