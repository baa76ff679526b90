# identity of singletons and cached objects that the language guarantees
print(None is None, ... is Ellipsis, NotImplemented is NotImplemented, True is (1 == 1), False is (1 == 2), () is ())
a = "x"
b = a
print(a is b, type(a) is str, type(True) is bool, type(1) is not bool, int is type(5), len is len)
l1 = [1]
l2 = list(l1)
print(l1 is not l2, l1 == l2, l1.copy() is not l1, l1[:] is not l1, tuple(l1) == (1,))
t = (1, 2)
print(tuple(t) is t, t[:] is t, frozenset(frozenset([1])) == frozenset([1]), str(a) is a)
