# list operations where the argument is the list itself
l = [1, 2]
l.extend(l)
print(l)
l += l
print(l)
l[:] = l[::-1]
print(l)
l[1:3] = l
print(l, len(l))
m = [0, 1, 2]
m.insert(1, m[:])
print(m, m.count(m[1]), m.index([0, 1, 2]))
n = [1]
n *= 3
n[::2] = n[:2]
print(n)
