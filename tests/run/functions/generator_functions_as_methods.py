# generators and closures as methods of a small class
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        for it in self.items:
            yield it
    def evens(self):
        return (x for x in self.items if x % 2 == 0)
    def adder(self):
        def add(x):
            self.items.append(x)
            return len(self.items)
        return add
b = Bag(1, 2, 3, 4)
print(list(b), list(b.evens()), sum(b), max(b), 3 in b)
add = b.adder()
print(add(6), add(8), list(b.evens()))
