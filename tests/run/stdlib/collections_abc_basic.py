import collections.abc as cabc
from collections import deque, OrderedDict, defaultdict

checks = [
    ([], "Sequence"), ([], "MutableSequence"), ((), "Sequence"), ((), "MutableSequence"), ("s", "Sequence"),
    ({}, "Mapping"), ({}, "MutableMapping"), (set(), "Set"), (set(), "MutableSet"), (frozenset(), "MutableSet"),
    (iter([]), "Iterator"), ([], "Iterable"), (len, "Callable"), (1, "Hashable"), ([], "Hashable"), ({}.keys(), "KeysView"),
    ({}.items(), "ItemsView"), ({}.values(), "ValuesView"), (deque(), "MutableSequence"), (OrderedDict(), "MutableMapping"),
    (defaultdict(), "Mapping"), (range(3), "Sequence"), (b"", "ByteString"), (memoryview(b""), "Sequence"),
    ((x for x in []), "Generator"), (reversed([]), "Reversible"), ([], "Reversible"), ([], "Collection"), (1, "Sized"),
]
for obj, name in checks:
    print(type(obj).__name__, name, isinstance(obj, getattr(cabc, name)))


class MySet(cabc.Set):
    def __init__(self, items):
        self.items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


a, b = MySet("abc"), MySet("bcd")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet("abcd"), a == MySet("cba"), a.isdisjoint(MySet("xy")))


class It(cabc.Iterator):
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


print(list(It()), iter(It()).__class__.__name__)
try:
    cabc.Mapping()
except TypeError as e:
    print("TypeError", e)
print(sorted(cabc.__all__)[:8])
print(cabc.Callable[[int], str], cabc.Sequence[int])
