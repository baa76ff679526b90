# all unpacking forms
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
[x, [y, *zs]] = [1, [2, 3, 4]]
print(x, y, zs)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print([*range(3), *"ab"], (*[1], 2), {*[1, 2], 3}, {**{"a": 1}, "b": 2, **{"a": 3}})
p = q = r = [0]
print(p is r)
s, = [9]
print(s)
for bad in [lambda: eval("[1, 2]") and exec("a, b = [1, 2, 3]"), lambda: exec("a, b, c = [1, 2]"), lambda: exec("a, *b, c = [1]"),
            lambda: exec("a, b = 5"), lambda: exec("a, = []")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
obj = type("O", (), {})()
obj.x, obj.y = 1, 2
lst = [0, 0, 0]
lst[0], lst[2] = "a", "c"
d = {}
d["k"], d["j"] = range(2)
print(obj.x, obj.y, lst, d)
m, n = "xy"
print(m, n)
i = 0
lst2 = [10, 20]
i, lst2[i] = 1, 99
print(i, lst2)
