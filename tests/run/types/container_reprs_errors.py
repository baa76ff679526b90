# recursive container reprs, subclass reprs, dict errors and orders, unhashable builtins
d = {1: 2}; d[2] = d
s = [1]; s.append(s)
print(d, s, {"a": s}, repr(d.keys()), d.items(), reversed(d).__length_hint__(), list(reversed(d.items())))
t = (s,)
print(t, set([1, 2]).__repr__(), frozenset(), repr(set()), type(iter(d.values())).__name__, type(reversed(d.values())).__name__)
class L(list): pass
class D(dict): pass
class S(set): pass
print(L([1]), D(a=1), S([1]), repr(frozenset([1])), type("F", (frozenset,), {})([2]))
for f in [lambda: {}.pop(1), lambda: {}.popitem(), lambda: {}.setdefault(), lambda: dict.fromkeys(1), lambda: {}.update([1]), lambda: {}.update([(1, 2, 3)]),
          lambda: dict([1]), lambda: dict(1), lambda: {}[[]], lambda: {}.get([]), lambda: {} | [], lambda: dict.__or__({}, 1), lambda: {1: 2} < {1: 2}]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = {i: i for i in range(10)}
for i in range(0, 10, 2): del x[i]
x[100] = 1
print(x, list(x.items())[:2], x.popitem(), x)
print(sorted([3, 1, 2], reverse=True), sorted("bca", key=str.upper), [].sort() is None, list.sort.__doc__.splitlines()[0])
print(dict.fromkeys("ab", []), {**{1: 2}, **{1: 3}}, dict(zip("ab", "cd"), c=1), {}.__sizeof__() > 0, dict.__hash__)
print(iter(range(3)).__reduce__ is not None, [1, 2, 3].__reversed__().__length_hint__(), (1, 2).__iter__().__length_hint__())
