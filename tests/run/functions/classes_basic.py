# modest user classes: __init__, methods, class attributes, inheritance, isinstance, __repr__/__eq__
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
animals = [Animal("generic"), Dog("rex"), Puppy("bit")]
for a in animals:
    print(repr(a), a.speak(), a.kind, isinstance(a, Dog))
print(Animal.count, Puppy.__mro__[1].__name__, issubclass(Puppy, Animal), Dog.speak(animals[2]))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"Money({self.cents})"
    __hash__ = None
print(Money(5) + Money(7), Money(1) == Money(1), Money(1) != Money(2), sorted([Money(3), Money(1)]), Money(2) > Money(1))
try:
    Money(1) + 5
except TypeError as e:
    print("TypeError", e)
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError", e)
