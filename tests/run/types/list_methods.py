# list methods
l = [3, 1, 4]
l.append(1); print(l)
l.extend([5, 9]); print(l)
l.extend("ab"); print(l)
l.extend(x * 2 for x in range(2)); print(l)
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "penult"); l.insert(-100, "front"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(1), l.index(1, 2), l.count(1), l.count("zz"))
l.reverse(); print(l)
c = l.copy(); c.append("x"); print(l, c, c == l)
l.clear(); print(l, len(l))
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(2, 0, 1),
          lambda: [].insert(), lambda: [].append(1, 2), lambda: [1].pop("0")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
l = [0] * 5
l[1] = 10; l[-1] = 40; print(l)
del l[0]; print(l)
del l[-2:]; print(l)
print([1, 2] + [3], [1] * 3, 2 * [0, 1], [[]] * 2, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] == [], [1, [2]] != [1, [3]])
m = [1, 2]
m += (3, 4); print(m)
m *= 2; print(m)
m *= 0; print(m)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
print(list(), list("xy"), list(range(3)), list({"a": 1}), list((1, 2)), [i for i in range(3)])
