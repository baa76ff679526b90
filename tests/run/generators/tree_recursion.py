# recursive generators over a tree, yield from returning values
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b11", [])])])])
def walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)
for line in walk(tree):
    print(line)
def count(node):
    name, children = node
    total = 1
    for child in children:
        total += yield from count(child)
    yield name
    return total
gen = count(tree)
names = []
try:
    while True:
        names.append(next(gen))
except StopIteration as e:
    print(names, e.value)
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
print(list(permutations([1, 2, 3])), sum(1 for _ in permutations(list(range(5)))))
